"""Writes the NumPy fixtures for FeatureFile*Tests with numpy itself, so the reader is tested
against what users' numpy writes (np.save, np.savez, np.savez_compressed, format 1.0/2.0/3.0).

Run once from this folder: python3 make_fixtures.py. The outputs are committed; tests never
need numpy. Values are small and exact so the tests can state them literally.
"""
import numpy as np

NAMES = ["A102_ang_int1_ver1", "A303_neu_sit2_ver1", "A438_mix_disg_hap_30_70_ver1", "A55_sad_int2_ver1"]
# Row r, column c holds r + c / 4: exact in float32 and float64.
X = np.array([[r + c / 4 for c in range(3)] for r in range(4)], dtype=np.float32)


def savez(path, compressed=False, **arrays):
    (np.savez_compressed if compressed else np.savez)(path, **arrays)


# Readable files.
savez("savez_f32.npz", X=X, filenames=np.array(NAMES))
# 0.1 is not exact in float32: the test checks the reader rounds like numpy's astype(float32).
X64 = X.astype(np.float64)
X64[0, 0] = 0.1
savez("savez_compressed_f64.npz", compressed=True, X=X64, filenames=np.array(NAMES))
savez("savez_extra_entries.npz", X=X, filenames=np.array(NAMES), y=np.arange(4))
savez("savez_1d_names_as_bytes.npz", X=X, filenames=np.array([n.encode() for n in NAMES]))
for version in [(1, 0), (2, 0), (3, 0)]:
    with open(f"matrix_v{version[0]}.npy", "wb") as f:
        np.lib.format.write_array(f, X[:3, :2], version=version)
np.save("vector_f64.npy", np.array([1.5, -2.25, 3.0]))
# A single column written in Fortran order is laid out exactly as in C order.
np.save("column_fortran.npy", np.asfortranarray(X[:, :1]))
np.save("names.npy", np.array(NAMES))
np.save("names_unicode.npy", np.array(["Zoë_hap", "😀_neu", ""]))

# Files the reader must refuse, each with its own message.
np.save("big_endian.npy", X.astype(">f4"))
np.save("fortran_order.npy", np.asfortranarray(X))
np.save("int64.npy", np.arange(6, dtype=np.int64).reshape(3, 2))
np.save("structured.npy", np.zeros(3, dtype=[("a", "<f4"), ("b", "<i4")]))
np.save("three_d.npy", np.zeros((2, 2, 2), dtype=np.float32))
savez("object_filenames.npz", X=X, filenames=np.array(NAMES, dtype=object))
savez("missing_filenames.npz", X=X)
savez("missing_X.npz", features=X, filenames=np.array(NAMES))
savez("row_mismatch.npz", X=X, filenames=np.array(NAMES[:3]))
savez("duplicate_names.npz", X=X, filenames=np.array(NAMES[:3] + NAMES[:1]))
savez("vector_X.npz", X=X[:, 0], filenames=np.array(NAMES))
X_nan = X.copy()
X_nan[2, 1] = np.nan
savez("nan.npz", X=X_nan, filenames=np.array(NAMES))
X_inf = X.copy()
X_inf[1, 0] = -np.inf
savez("inf.npz", X=X_inf, filenames=np.array(NAMES))
X_big = X64.copy()
X_big[3, 2] = 1e300
savez("float64_overflow.npz", compressed=True, X=X_big, filenames=np.array(NAMES))
