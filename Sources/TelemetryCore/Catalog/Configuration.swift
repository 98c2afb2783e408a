/// How the installation is configured and used: git, registries, SSO, policies, counters.
enum ConfigurationMetrics {
    static let all: [Metric] = []
}
