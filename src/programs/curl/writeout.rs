//! `curl -w FORMAT`: the write-out text printed after the transfer
//! (curl 7.88's src/tool_writeout.c, `ourWriteOut`).

use std::net::SocketAddr;

/// What a transfer leaves for the write-out variables.
#[derive(Debug, Clone, Default)]
pub struct Info {
    /// The status code of the response (0: none).
    pub code: u16,
    /// The URL as curl understood it (`url_effective`).
    pub url: String,
    /// "GET" or "HEAD".
    pub method: &'static str,
    /// The connection's local and remote addresses, once connected.
    pub conn: Option<(SocketAddr, SocketAddr)>,
    /// Bytes of the request sent.
    pub request_size: usize,
    /// Bytes of the response's status line and headers, with their CRLFs.
    pub header_size: usize,
    /// Bytes of the body.
    pub download: usize,
    /// The Content-Type header's value.
    pub content_type: String,
    /// "1" (HTTP/1.0), "1.1", or "0" without a response.
    pub http_version: &'static str,
    /// curl's exit code (0 on success).
    pub exit: i32,
    /// curl's error message (empty on success).
    pub error: String,
    /// The time from the start to the end, µs.
    pub total_us: u64,
}

/// The value of one variable (names compare without case, as
/// curl_strequal), or None for a name curl does not know.
fn value(name: &str, i: &Info) -> Option<String> {
    let ip = |local: bool| i.conn.map_or(String::new(), |(l, r)| crate::text::ip_text(if local { l.ip() } else { r.ip() }));
    let port = |local: bool| i.conn.map_or(0, |(l, r)| if local { l.port() } else { r.port() });
    let connected = i.conn.is_some();
    Some(match name.to_ascii_lowercase().as_str() {
        "http_code" | "response_code" => format!("{:03}", i.code),
        "remote_ip" => ip(false),
        "remote_port" => port(false).to_string(),
        "local_ip" => ip(true),
        "local_port" => port(true).to_string(),
        "size_download" => i.download.to_string(),
        "size_header" => i.header_size.to_string(),
        "size_request" => i.request_size.to_string(),
        "size_upload" | "ssl_verify_result" | "proxy_ssl_verify_result" | "num_redirects" | "http_connect" | "num_headers" | "urlnum" => {
            "0".to_string()
        }
        "exitcode" => i.exit.to_string(),
        "errormsg" => i.error.clone(),
        "url_effective" | "url" => i.url.clone(),
        "num_connects" => u8::from(connected).to_string(),
        "content_type" => i.content_type.clone(),
        "http_version" => i.http_version.to_string(),
        "scheme" => {
            if connected {
                "HTTP".to_string()
            } else {
                String::new()
            }
        }
        "method" => i.method.to_string(),
        "redirect_url" | "referer" | "filename_effective" | "ftp_entry_path" => String::new(),
        "time_total" => format!("{}.{:06}", i.total_us / 1_000_000, i.total_us % 1_000_000),
        _ => return None,
    })
}

/// The write-out text of `fmt`, and curl's complaints about unknown
/// variables (for standard error).
pub fn render(fmt: &str, info: &Info) -> (String, String) {
    let (mut out, mut err) = (String::new(), String::new());
    let mut rest = fmt;
    while let Some(c) = rest.chars().next() {
        let next = rest[c.len_utf8()..].chars().next();
        match (c, next) {
            ('%', Some('%')) => {
                out.push('%');
                rest = &rest[2..];
            }
            ('%', Some('{')) => {
                let Some(end) = rest.find('}') else {
                    // No closing brace: "%{" as it is, and go on after it.
                    out.push_str("%{");
                    rest = &rest[2..];
                    continue;
                };
                let name = &rest[2..end];
                match value(name, info) {
                    Some(v) => out.push_str(&v),
                    None => err.push_str(&format!("curl: unknown --write-out variable: '{name}'\n")),
                }
                rest = &rest[end + 1..];
            }
            ('\\', Some(e @ ('n' | 'r' | 't'))) => {
                out.push(match e {
                    'n' => '\n',
                    'r' => '\r',
                    _ => '\t',
                });
                rest = &rest[2..];
            }
            _ => {
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    (out, err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variables_escapes_and_unknown_names() {
        let info = Info { code: 200, url: "http://10.0.0.1/".into(), method: "GET", exit: 0, ..Info::default() };
        let (out, err) = render("%{http_code} %{HTTP_CODE}|%{remote_ip}|%{remote_port}|%%|%z\\t\\q %{bogus}%{open\\n", &info);
        assert_eq!(out, "200 200||0|%|%z\t\\q %{open\n");
        assert_eq!(err, "curl: unknown --write-out variable: 'bogus'\n");
    }
}
