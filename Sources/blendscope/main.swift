import ArgumentParser
import BlendCore
import BlendStore
import BlendEngine
import BlendMedia
import BlendTUI

BlendscopeCommand.main()
