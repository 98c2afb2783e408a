/// Which features the apps use: git repositories, charts, tags, ConfigMaps, languages.
enum FeatureMetrics {
    static let all: [Metric] = []
}
