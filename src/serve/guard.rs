//! What `serve` refuses before it looks at what a request asks: a `Host` that is not
//! this server's (DNS rebinding: a site whose name now points at 127.0.0.1), an
//! `Origin` that is not this server's (a page elsewhere posting to it), a POST that
//! does not say where it comes from, and bodies larger than any edit can be. Knows
//! HTTP headers; nothing of leaflets.

use std::net::IpAddr;

/// An edit is at most a translation file's worth of text, as JSON (escapes may double it).
pub const MAX_BODY: u64 = 2 * crate::i18n::MAX_FTL_BYTES + 64 * 1024;

/// A request refused: the status and why, for the response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub status: u16,
    pub reason: String,
}

fn refused(status: u16, reason: impl Into<String>) -> Refused {
    Refused { status, reason: reason.into() }
}

/// The names this server answers to: `host:port` as a browser writes it in `Host`.
#[derive(Debug, Clone)]
pub struct Guard {
    allowed: Vec<String>,
    port: u16,
    /// Bound to every interface (0.0.0.0): the machine's addresses are not known here,
    /// so any IP address is taken as a name; a DNS name is not, which is what rebinding needs.
    any_address: bool,
}

/// `127.0.0.1`, `::1` and `localhost`.
pub fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost") || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// `::1` → `[::1]`, as a URL and a `Host` header write an IPv6 address.
pub fn authority(host: &str, port: u16) -> String {
    if host.contains(':') { format!("[{host}]:{port}") } else { format!("{host}:{port}") }
}

impl Guard {
    pub fn new(host: &str, port: u16) -> Guard {
        let mut allowed = vec![authority(host, port).to_ascii_lowercase()];
        if is_loopback(host) {
            for name in ["127.0.0.1", "localhost", "::1"] {
                allowed.push(authority(name, port));
            }
        }
        let any_address = host.parse::<IpAddr>().is_ok_and(|ip| ip.is_unspecified());
        Guard { allowed, port, any_address }
    }

    /// Whether `authority` (`host:port`) names this server.
    fn ours(&self, authority: &str) -> bool {
        let authority = authority.to_ascii_lowercase();
        if self.allowed.contains(&authority) {
            return true;
        }
        let Some((host, port)) = authority.rsplit_once(':') else { return false };
        let host = host.trim_start_matches('[').trim_end_matches(']');
        self.any_address && port == self.port.to_string() && host.parse::<IpAddr>().is_ok()
    }

    /// Refuses a request whose `Host` or `Origin` is not this server's, a POST without
    /// an `Origin`, and one a browser marks as sent from another site.
    pub fn check(&self, post: bool, header: impl Fn(&str) -> Option<String>) -> Result<(), Refused> {
        let host = header("Host").ok_or_else(|| refused(400, "no Host header"))?;
        if !self.ours(&host) {
            return Err(refused(421, format!("this server does not answer to `{host}`")));
        }
        match header("Origin") {
            Some(origin) => {
                let theirs = origin.strip_prefix("http://").filter(|a| self.ours(a));
                if theirs.is_none() {
                    return Err(refused(403, format!("requests from `{origin}` are refused")));
                }
            }
            None if post => return Err(refused(403, "a POST must say where it comes from (Origin)")),
            None => {}
        }
        if header("Sec-Fetch-Site").is_some_and(|s| s == "cross-site") {
            return Err(refused(403, "requests from other sites are refused"));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers<'a>(list: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| list.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.to_string())
    }

    #[test]
    fn loopback_names_pass_and_others_are_refused() {
        let guard = Guard::new("127.0.0.1", 8484);
        assert_eq!(guard.check(false, headers(&[("Host", "127.0.0.1:8484")])), Ok(()));
        assert_eq!(guard.check(false, headers(&[("Host", "localhost:8484")])), Ok(()));
        assert_eq!(guard.check(false, headers(&[("Host", "[::1]:8484")])), Ok(()));
        assert_eq!(guard.check(false, headers(&[("Host", "evil.example:8484")])).unwrap_err().status, 421);
        assert_eq!(guard.check(false, headers(&[("Host", "127.0.0.1:9999")])).unwrap_err().status, 421);
        assert_eq!(guard.check(false, headers(&[])).unwrap_err().status, 400);
    }

    #[test]
    fn a_post_needs_our_own_origin() {
        let guard = Guard::new("127.0.0.1", 8484);
        let ok = [("Host", "127.0.0.1:8484"), ("Origin", "http://127.0.0.1:8484")];
        assert_eq!(guard.check(true, headers(&ok)), Ok(()));
        let foreign = [("Host", "127.0.0.1:8484"), ("Origin", "http://evil.example")];
        assert_eq!(guard.check(true, headers(&foreign)).unwrap_err().status, 403);
        let none = [("Host", "127.0.0.1:8484")];
        assert_eq!(guard.check(true, headers(&none)).unwrap_err().status, 403);
        let https = [("Host", "127.0.0.1:8484"), ("Origin", "https://127.0.0.1:8484")];
        assert_eq!(guard.check(true, headers(&https)).unwrap_err().status, 403);
    }

    #[test]
    fn every_interface_takes_addresses_but_no_names() {
        let guard = Guard::new("0.0.0.0", 8484);
        assert_eq!(guard.check(false, headers(&[("Host", "192.168.1.20:8484")])), Ok(()));
        assert!(guard.check(false, headers(&[("Host", "rebind.example:8484")])).is_err());
    }
}
