/// The settings whose whole value is a secret, by flag and by variable: the API key, the database
/// URL (a conninfo string may hold `password=`), the database passwords. Masked in every line from
/// the first on, before any of them is parsed. Passwords inside URLs are found apart from this
/// list, in every flag and variable (`URLText.passwords(in:)`).
public enum SecretSetting {
    public static let flags = ["--posthog-api-key", "--database-url"]
    public static let variables = ["PG_PASSWORD", "PGPASSWORD", "POSTHOG_API_KEY", "DATABASE_URL"]
}
