import Periscope

/// The service's SLO: 99.9% of requests do not fail with a 5xx over 30 days (99% in dev).
/// It expands into Sloth's recording rules and multiwindow, multi-burn-rate alerts
/// (`prometheus/rules/slos.yaml`) and an SLO dashboard (`slo-my-service`).
enum ServiceSLOs {
    static func slos(_ env: Environment) -> [SLO] {
        [availability]
    }

    static let availability = SLO(service: "my-service", name: "availability", objective: 99.9,
                                  sli: .events(counter: "http_requests_total", errors: #"code=~"5..""#))
        .description("Requests that do not fail with a 5xx.")
        .alertAnnotation("description", "my-service is failing more requests than its availability SLO allows.")
        .alertAnnotation("runbook_url", "https://runbooks.example.com/my-service/availability")
        .page { $0.severity(.page) }
        .ticket { $0.severity(.ticket) }
        .in(.dev) { $0.objective(99).page { $0.severity(.ticket) } }
}
