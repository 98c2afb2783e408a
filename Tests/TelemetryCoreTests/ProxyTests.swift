import TelemetryCore
import XCTest

final class ProxyTests: XCTestCase {
    func testProxyPerSchemeAndNoProxyRules() throws {
        let proxy = try ProxySettings.from(Environment([
            "HTTPS_PROXY": "http://user:p%40ss@proxy.corp:3128", "http_proxy": "plain.corp:8080",
            "NO_PROXY": "localhost, .svc.cluster.local,internal.example, 10.0.0.0/8,[::1]",
        ]))
        XCTAssertEqual(proxy.server(scheme: "https", host: "us.i.posthog.com")?.host, "proxy.corp")
        XCTAssertEqual(proxy.server(scheme: "https", host: "us.i.posthog.com")?.port, 3128)
        XCTAssertEqual(proxy.server(scheme: "https", host: "us.i.posthog.com")?.password, "p@ss")
        XCTAssertEqual(proxy.secrets, ["p@ss"])
        XCTAssertEqual(proxy.server(scheme: "http", host: "posthog.local")?.host, "plain.corp")
        XCTAssertEqual(proxy.server(scheme: "http", host: "posthog.local")?.port, 8080)
        for direct in ["localhost", "kubernetes.default.svc.cluster.local", "internal.example", "api.internal.example", "10.1.2.3", "::1"] {
            XCTAssertNil(proxy.server(scheme: "https", host: direct), direct)
        }
        for proxied in ["notinternal.example", "11.0.0.1", "example"] {
            XCTAssertNotNil(proxy.server(scheme: "https", host: proxied), proxied)
        }
        XCTAssertNil(try ProxySettings.from(Environment(["HTTPS_PROXY": "http://p:1", "NO_PROXY": "*"])).server(scheme: "https", host: "x"))
        XCTAssertNil(try ProxySettings.from(Environment([:])).server(scheme: "https", host: "x"))
        XCTAssertThrowsError(try ProxySettings.from(Environment(["HTTPS_PROXY": "socks5://p:1"])))
    }

    func testANoProxyEntryWithAPortMatchesItsHost() throws {
        // curl and Go compare the host only: "host:port" entries bypass the proxy for that host.
        let proxy = try ProxySettings.from(Environment([
            "HTTPS_PROXY": "http://proxy.corp:3128", "NO_PROXY": "127.0.0.1:8080,internal.example:443,[::1]:9",
        ]))
        for direct in ["127.0.0.1", "internal.example", "api.internal.example", "::1"] {
            XCTAssertNil(proxy.server(scheme: "https", host: direct), direct)
        }
        for proxied in ["127.0.0.2", "internal.example.org", "example"] {
            XCTAssertNotNil(proxy.server(scheme: "https", host: proxied), proxied)
        }
    }

    func testAnHTTPSProxyIsRefused() {
        for variable in ["HTTPS_PROXY", "HTTP_PROXY", "https_proxy"] {
            XCTAssertThrowsError(try ProxySettings.from(Environment([variable: "https://proxy.corp:3128"])), variable) { error in
                XCTAssertEqual((error as? TelemetryError)?.exitCode, .usage)
            }
        }
    }
}
