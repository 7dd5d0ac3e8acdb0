import GRDB

extension Schema {
    /// Version 7: three read-only views for pandas, R or the sqlite3 shell, so the data can be
    /// read without blendscope (`pandas.read_sql("SELECT * FROM predictions", con)`):
    ///
    /// - `predictions`: one row per clip and encoder in long form — `clip` (the file-name
    ///   stem), `actor`, `split`, `fold`, `label` (`ang:30;hap:70`; NULL for an unlabelled test
    ///   clip), `encoder`, and the six probabilities `ang` … `neu` in the challenge's order;
    /// - `decisions`: the same rows decoded by the challenge's rule, each source at the
    ///   thresholds it keeps (`source_thresholds`, v6) — a fused encoder at its fusion's, else
    ///   the ones the fusion was chosen with — with `alpha`, `beta`, `predicted` in `label`'s
    ///   spelling and `correct` (1 when `predicted = label`, NULL when unlabelled). An encoder
    ///   that keeps none (blendscope decodes it at its best on train, a search SQL does not
    ///   redo) has no rows until `blendscope use` stores them;
    /// - `notes`: every note and tag, `clip`, `kind` (`note` or `tag`), `text`, `created`.
    ///
    /// `decisions` is `DecisionRule` in SQL (the tests hold it to the Swift rule clip by clip):
    /// the top two classes by probability, ties to the lower class index; the top one alone
    /// below α, or when the second is below α or 0; `neu` with another: the other when its
    /// probability is at least neu's, else `neu`; otherwise 50/50 within β, else 70/30 toward
    /// the larger. Views hold no data, so they add nothing to the file's size or its writes.
    static func createViews(_ db: Database) throws {
        let codes = ["ang", "disg", "fea", "hap", "sad", "neu"]
        let long = codes.enumerated().map { k, code in
            "SELECT encoder_id, clip_id, \(k) AS k, '\(code)' AS code, \(code) AS p FROM probability"
        }.joined(separator: "\n      UNION ALL ")
        try db.execute(sql: """
            CREATE VIEW predictions AS
              SELECT c.filename AS clip, c.actor, c.split, c.fold, c.label, e.name AS encoder,
                     p.ang, p.disg, p.fea, p.hap, p.sad, p.neu
              FROM probability p JOIN clip c ON c.id = p.clip_id JOIN encoder e ON e.id = p.encoder_id;

            CREATE VIEW decisions AS
              WITH long AS (
                \(long)
              ), ranked AS (
                SELECT *, ROW_NUMBER() OVER (PARTITION BY encoder_id, clip_id ORDER BY p DESC, k ASC) AS r FROM long
              ), top AS (
                SELECT a.encoder_id, a.clip_id, a.k AS k1, a.code AS c1, a.p AS p1, b.k AS k2, b.code AS c2, b.p AS p2
                FROM ranked a JOIN ranked b ON b.encoder_id = a.encoder_id AND b.clip_id = a.clip_id AND b.r = 2
                WHERE a.r = 1
              ), kept AS (
                SELECT e.id AS encoder_id,
                       CASE WHEN f.id IS NULL THEN se.alpha ELSE COALESCE(sf.alpha, f.alpha) END AS alpha,
                       CASE WHEN f.id IS NULL THEN se.beta ELSE COALESCE(sf.beta, f.beta) END AS beta
                FROM encoder e
                LEFT JOIN fusion f ON f.output_encoder_id = e.id
                LEFT JOIN source_thresholds se ON se.source_kind = 'encoder' AND se.source_name = e.name
                LEFT JOIN source_thresholds sf ON sf.source_kind = 'fusion' AND sf.source_name = f.name
              ), thresholds AS (
                SELECT * FROM kept WHERE alpha IS NOT NULL AND beta IS NOT NULL
              ), decided AS (
                SELECT t.*, h.alpha, h.beta,
                  CASE
                    WHEN t.p1 < h.alpha OR t.p2 < h.alpha OR t.p2 = 0 THEN t.c1 || ':100'
                    WHEN t.c1 = 'neu' THEN CASE WHEN t.p2 >= t.p1 THEN t.c2 ELSE 'neu' END || ':100'
                    WHEN t.c2 = 'neu' THEN t.c1 || ':100'
                    WHEN abs(t.p1 - t.p2) <= h.beta THEN
                      CASE WHEN t.k1 < t.k2 THEN t.c1 || ':50;' || t.c2 || ':50' ELSE t.c2 || ':50;' || t.c1 || ':50' END
                    ELSE
                      CASE WHEN t.k1 < t.k2 THEN t.c1 || ':70;' || t.c2 || ':30' ELSE t.c2 || ':30;' || t.c1 || ':70' END
                  END AS predicted
                FROM top t JOIN thresholds h ON h.encoder_id = t.encoder_id
              )
              SELECT c.filename AS clip, c.actor, c.split, c.fold, c.label, e.name AS encoder, d.alpha, d.beta,
                     d.predicted, CASE WHEN c.label IS NULL THEN NULL ELSE c.label = d.predicted END AS correct
              FROM decided d JOIN clip c ON c.id = d.clip_id JOIN encoder e ON e.id = d.encoder_id;

            CREATE VIEW notes AS
              SELECT c.filename AS clip, 'note' AS kind, n.text, n.created FROM note n JOIN clip c ON c.id = n.clip_id
              UNION ALL
              SELECT c.filename AS clip, 'tag' AS kind, t.tag AS text, t.created FROM tag t JOIN clip c ON c.id = t.clip_id;
            """)
    }
}
