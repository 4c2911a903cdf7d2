//! A small HTTP/1.1 client over a TcpStream, for tests that talk to `leaflet serve` and
//! to chromedriver: every header as given (a test may send a foreign Host), one request
//! per connection. Knows nothing of what is asked.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: String,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }
}

/// Sends `method path` to `authority` (`127.0.0.1:PORT`) with `headers` (a `Host` of
/// `authority` unless they hold one) and `body`, and reads the whole reply. A server
/// that stops reading the body early (refusing it) is no error: its reply is read.
pub fn request(authority: &str, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
    let mut stream = TcpStream::connect(authority).unwrap_or_else(|e| panic!("connect {authority}: {e}"));
    // Generous: a debug build lays a leaflet out in a second or so; this only ends a hang.
    stream.set_read_timeout(Some(Duration::from_secs(120))).unwrap();
    let mut head = format!("{method} {path} HTTP/1.1\r\n");
    if !headers.iter().any(|(n, _)| n.eq_ignore_ascii_case("host")) {
        head.push_str(&format!("Host: {authority}\r\n"));
    }
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    let framed = |name: &str| headers.iter().any(|(n, _)| n.eq_ignore_ascii_case(name));
    if !framed("content-length") && !framed("transfer-encoding") {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    head.push_str("Connection: close\r\n\r\n");
    stream.write_all(head.as_bytes()).unwrap();
    let mut writer = stream.try_clone().unwrap();
    let body = body.to_vec();
    // Written on the side, so that a server answering before it has read it all is heard.
    let sending = std::thread::spawn(move || {
        let _ = writer.write_all(&body);
    });
    let mut raw = Vec::new();
    let mut buffer = [0u8; 64 * 1024];
    // Read until the reply is complete by its own framing: some servers (chromedriver)
    // keep the connection open whatever `Connection: close` asks.
    while !complete(&raw) {
        match stream.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => raw.extend_from_slice(&buffer[..n]),
            // A reset after the reply was read (the server closed with our body unread).
            Err(_) if !raw.is_empty() => break,
            Err(e) => panic!("no reply from {authority} to {method} {path}: {e}"),
        }
    }
    drop(stream);
    let _ = sending.join();
    parse(&raw)
}

/// Whether `raw` holds a whole reply: headers, and the body its length or chunks say.
fn complete(raw: &[u8]) -> bool {
    let Some(split) = raw.windows(4).position(|w| w == b"\r\n\r\n") else { return false };
    let headers = String::from_utf8_lossy(&raw[..split]).to_ascii_lowercase();
    let body = &raw[split + 4..];
    if headers.contains("transfer-encoding: chunked") {
        return body.ends_with(b"0\r\n\r\n");
    }
    match headers.lines().find_map(|l| l.strip_prefix("content-length:")) {
        Some(n) => n.trim().parse::<usize>().is_ok_and(|n| body.len() >= n),
        None => false,
    }
}

fn parse(raw: &[u8]) -> Reply {
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").expect("a reply with headers");
    let headers = String::from_utf8_lossy(&raw[..split]).into_owned();
    let status = headers.split(' ').nth(1).and_then(|s| s.parse().ok()).expect("a status code");
    let mut body = raw[split + 4..].to_vec();
    if headers.to_ascii_lowercase().contains("transfer-encoding: chunked") {
        body = dechunk(&body);
    }
    Reply { status, headers, body }
}

fn dechunk(mut rest: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(end) = rest.windows(2).position(|w| w == b"\r\n") {
        let size_text = String::from_utf8_lossy(&rest[..end]);
        let size = usize::from_str_radix(size_text.split(';').next().unwrap_or("0").trim(), 16).unwrap_or(0);
        if size == 0 {
            break;
        }
        out.extend_from_slice(&rest[end + 2..end + 2 + size]);
        rest = &rest[end + 2 + size + 2..];
    }
    out
}

/// A JSON request to `authority`, as a browser's fetch from `origin` sends it.
pub fn post_json(authority: &str, path: &str, origin: &str, value: &serde_json::Value) -> Reply {
    let body = serde_json::to_vec(value).unwrap();
    request(authority, "POST", path, &[("Origin", origin), ("Content-Type", "application/json")], &body)
}
