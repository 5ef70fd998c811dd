import Foundation
import Periscope
import PeriscopeCLI
import PeriscopeWorkloads

// periscope-bench: the benchmark workloads and the driver that times them.
//
//   periscope-bench w1 render --env all --out DIR --environments DIR   the W1 catalog through the normal CLI
//   periscope-bench w2 render --env all --out DIR --environments DIR   the W2 catalog through the normal CLI
//   periscope-bench slo generate -i FILE -o FILE                      W2b: Sloth specs through the normal CLI
//   periscope-bench diff OLD NEW [options]                             `periscope diff` (the diff benchmark)
//   periscope-bench promql INDIR                                       in-process PromQL parse throughput
//   periscope-bench read-rules FILE...                                 in-process rule-file reading into models
//   periscope-bench read-dashboards DIR                                read every dashboard under DIR into the model
//   periscope-bench import-dashboards DIR                              import every dashboard under DIR as Swift, in-process, without writing
//   periscope-bench import dashboard DIR... --out DIR                  `periscope import dashboard` (when `periscope` is not built)
//   periscope-bench run --shared ../shared --work DIR [--only w1,diff] everything below (or the parts named), with figures

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "w1":
    PeriscopeCLI.main(catalog: { W1Catalog.catalog($0) }, programName: "periscope-bench w1", arguments: Array(arguments.dropFirst()))
case "w2":
    PeriscopeCLI.main(catalog: { W2Catalog.catalog($0) }, programName: "periscope-bench w2", arguments: Array(arguments.dropFirst()))
case "slo", "diff", "import":
    PeriscopeCLI.main(catalog: { _ in Catalog(items: []) }, programName: "periscope-bench", arguments: arguments)
case "promql":
    exit(PromQLBenchCommand.run(Array(arguments.dropFirst())))
case "read-rules":
    exit(Int32(BenchDriver.readW2(Array(arguments.dropFirst()), runs: 10)))
case "read-dashboards":
    exit(ReadBenchmark.readDashboards(Array(arguments.dropFirst())))
case "import-dashboards":
    exit(ImportBenchmark.importDashboards(Array(arguments.dropFirst())))
case "run":
    exit(BenchDriver.run(Array(arguments.dropFirst())))
default:
    FileHandle.standardError.write(Data("""
        usage: periscope-bench run [--shared DIR] [--work DIR] [--runs N] [--only w1,diff,w2,w2b,promql]
               periscope-bench w1 render --env all --out DIR --environments DIR
               periscope-bench w2 render --env all --out DIR --environments DIR
               periscope-bench slo generate -i FILE -o FILE
               periscope-bench promql INDIR
               periscope-bench read-rules FILE...
               periscope-bench read-dashboards DIR
               periscope-bench import-dashboards DIR
               periscope-bench import dashboard DIR... --out DIR

        """.utf8))
    exit(64)
}
