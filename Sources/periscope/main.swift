import PeriscopeCLI
import PeriscopeExamples

// The `periscope` executable: the same command line every catalog gets, with the built-in
// example catalog as its default.
PeriscopeCLI.main(catalog: { ExampleCatalog.catalog($0) })
