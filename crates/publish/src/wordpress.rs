//! WordPress over its REST API (`wp/v2`) with an application password (HTTP Basic).
//! The API root is `/wp-json/`, or `/?rest_route=` on sites without pretty permalinks.
//! Media go up as raw bodies with a file name made from their hash (`nd-<16 hex>.jpg`),
//! so an upload whose answer was lost is found again; posts are created with a slug
//! recorded beforehand, for the same reason.

use std::time::Duration;

use base64::Engine;
use newsdesk_store::RemotePost;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use crate::{
    ConnectionReport, Error, Job, Ledger, MediaItem, PublishProgress, Published, Result, Target,
};

/// A WordPress site.
pub struct WordPress {
    name: String,
    base: String,
    auth: String,
    agent: ureq::Agent,
}

/// How the site's REST routes are addressed.
#[derive(Debug, Clone)]
enum Root {
    /// `{base}/wp-json` + route.
    Pretty(String),
    /// `{base}/?rest_route=` + route.
    Query(String),
}

enum Body<'a> {
    None,
    Json(&'a Value),
    File { bytes: &'a [u8], file_name: &'a str },
}

impl WordPress {
    /// A site at `url` (http or https) for `user` with an application password.
    pub fn new(target: &str, url: &str, user: &str, password: &str) -> Result<WordPress> {
        let base = url.trim().trim_end_matches('/').to_owned();
        if !(base.starts_with("https://") || base.starts_with("http://")) || base.len() < 10 {
            return Err(Error::BadUrl(url.to_owned()));
        }
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_connect(Some(Duration::from_secs(10)))
            .timeout_global(Some(Duration::from_secs(120)))
            .user_agent("Newsdesk")
            .build();
        let token = base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"));
        Ok(WordPress {
            name: target.to_owned(),
            base,
            auth: format!("Basic {token}"),
            agent: config.into(),
        })
    }

    fn url(&self, root: &Root, route: &str, query: &[(&str, &str)]) -> String {
        let mut u = match root {
            Root::Pretty(r) => format!("{r}{route}"),
            Root::Query(r) => format!("{r}{}", encode(route)),
        };
        let mut sep = if matches!(root, Root::Pretty(_)) {
            '?'
        } else {
            '&'
        };
        for (k, v) in query {
            u.push(sep);
            u.push_str(k);
            u.push('=');
            u.push_str(&encode(v));
            sep = '&';
        }
        u
    }

    /// Sends one request; a 2xx answer is parsed as JSON, anything else is a typed error.
    fn call(&self, method: &str, url: &str, auth: bool, body: Body<'_>) -> Result<Value> {
        let (status, text) = self.send(method, url, auth, body)?;
        let parsed: std::result::Result<Value, _> = serde_json::from_str(&text);
        if (200..300).contains(&status) {
            return parsed.map_err(|e| Error::Malformed {
                url: url.to_owned(),
                reason: e.to_string(),
            });
        }
        Err(status_error(status, url, parsed.ok()))
    }

    fn send(&self, method: &str, url: &str, auth: bool, body: Body<'_>) -> Result<(u16, String)> {
        let transport = |e: ureq::Error| transport_error(e, url);
        let mut resp = match body {
            Body::None if method == "GET" => {
                let mut r = self.agent.get(url).header("Accept", "application/json");
                if auth {
                    r = r.header("Authorization", &self.auth);
                }
                r.call().map_err(transport)?
            }
            Body::None => {
                let mut r = self.agent.post(url);
                if auth {
                    r = r.header("Authorization", &self.auth);
                }
                r.send_empty().map_err(transport)?
            }
            Body::Json(v) => {
                let bytes = serde_json::to_vec(v).expect("JSON values serialise");
                let mut r = self
                    .agent
                    .post(url)
                    .header("Content-Type", "application/json; charset=utf-8");
                if auth {
                    r = r.header("Authorization", &self.auth);
                }
                r.send(&bytes[..]).map_err(transport)?
            }
            Body::File { bytes, file_name } => {
                let mut r = self
                    .agent
                    .post(url)
                    .header("Content-Type", "image/jpeg")
                    .header(
                        "Content-Disposition",
                        &format!("attachment; filename=\"{file_name}\""),
                    );
                if auth {
                    r = r.header("Authorization", &self.auth);
                }
                r.send(bytes).map_err(transport)?
            }
        };
        let status = resp.status().as_u16();
        let text = resp
            .body_mut()
            .with_config()
            .limit(64 * 1024 * 1024)
            .read_to_string()
            .map_err(transport)?;
        Ok((status, text))
    }

    /// Finds the REST root: `/wp-json/`, else `/?rest_route=/`; it must offer `wp/v2`.
    fn root(&self) -> Result<(Root, Value)> {
        let candidates = [
            (
                Root::Pretty(format!("{}/wp-json", self.base)),
                format!("{}/wp-json/", self.base),
            ),
            (
                Root::Query(format!("{}/?rest_route=", self.base)),
                format!("{}/?rest_route=/", self.base),
            ),
        ];
        let mut last = String::new();
        for (root, index) in candidates {
            match self.call("GET", &index, false, Body::None) {
                Ok(v) => {
                    let has_v2 = v["namespaces"]
                        .as_array()
                        .is_some_and(|ns| ns.iter().any(|n| n == "wp/v2"));
                    if has_v2 {
                        return Ok((root, v));
                    }
                    last = "the REST API does not offer wp/v2 (WordPress 4.7 or newer is needed)"
                        .into();
                }
                Err(
                    e @ (Error::Unreachable { .. } | Error::Timeout { .. } | Error::Tls { .. }),
                ) => return Err(e),
                Err(e) => last = e.to_string(),
            }
        }
        Err(Error::NotWordPress {
            url: self.base.clone(),
            reason: last,
        })
    }

    fn media_by_id(&self, root: &Root, id: i64) -> Result<Option<(i64, String)>> {
        let url = self.url(root, &format!("/wp/v2/media/{id}"), &[("context", "edit")]);
        match self.call("GET", &url, true, Body::None) {
            Ok(v) => Ok(Some((id, str_of(&v["source_url"])))),
            Err(Error::NotFound { .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// An upload whose answer was lost: the newest media whose file name starts with `stem`.
    fn media_by_stem(&self, root: &Root, stem: &str) -> Result<Option<(i64, String)>> {
        let url = self.url(
            root,
            "/wp/v2/media",
            &[
                ("per_page", "100"),
                ("orderby", "date"),
                ("order", "desc"),
                ("context", "edit"),
            ],
        );
        let list = self.call("GET", &url, true, Body::None)?;
        Ok(list.as_array().into_iter().flatten().find_map(|m| {
            let src = str_of(&m["source_url"]);
            let file = src.rsplit('/').next().unwrap_or_default();
            file.starts_with(stem)
                .then(|| (m["id"].as_i64().unwrap_or(0), src.clone()))
        }))
    }

    fn upload(&self, root: &Root, m: &MediaItem) -> Result<(i64, String)> {
        let file_name = format!("{}.jpg", media_stem(&m.hash));
        let url = self.url(root, "/wp/v2/media", &[]);
        let v = self.call(
            "POST",
            &url,
            true,
            Body::File {
                bytes: &m.bytes,
                file_name: &file_name,
            },
        )?;
        let id = v["id"].as_i64().ok_or_else(|| Error::Malformed {
            url: url.clone(),
            reason: "the upload's answer has no id".into(),
        })?;
        Ok((id, str_of(&v["source_url"])))
    }

    fn set_media_meta(&self, root: &Root, id: i64, m: &MediaItem) -> Result<()> {
        let url = self.url(root, &format!("/wp/v2/media/{id}"), &[]);
        let body = json!({
            "caption": newsdesk_export::html::text(&m.caption),
            "alt_text": newsdesk_export::html::text(&m.alt),
            "description": newsdesk_export::html::text(&m.credit),
        });
        self.call("POST", &url, true, Body::Json(&body)).map(|_| ())
    }

    fn tag_ids(&self, root: &Root, tags: &[String]) -> Result<Vec<i64>> {
        let mut ids = Vec::new();
        for tag in tags.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
            let name = newsdesk_export::html::text(tag);
            let url = self.url(root, "/wp/v2/tags", &[("search", tag), ("per_page", "100")]);
            let found = self.call("GET", &url, true, Body::None)?;
            let hit = found.as_array().into_iter().flatten().find_map(|t| {
                let n = str_of(&t["name"]);
                if n == name || n == tag {
                    t["id"].as_i64()
                } else {
                    None
                }
            });
            let id = match hit {
                Some(id) => id,
                None => {
                    let url = self.url(root, "/wp/v2/tags", &[]);
                    match self.call("POST", &url, true, Body::Json(&json!({ "name": name }))) {
                        Ok(v) => v["id"].as_i64().unwrap_or(0),
                        Err(Error::Rejected { .. }) => continue,
                        Err(e) => return Err(e),
                    }
                }
            };
            if id > 0 && !ids.contains(&id) {
                ids.push(id);
            }
        }
        Ok(ids)
    }

    fn post_by_slug(&self, root: &Root, slug: &str) -> Result<Option<i64>> {
        let url = self.url(
            root,
            "/wp/v2/posts",
            &[
                ("slug", slug),
                ("status", "publish,draft,pending,private,future"),
                ("context", "edit"),
            ],
        );
        let v = self.call("GET", &url, true, Body::None)?;
        Ok(v.as_array()
            .and_then(|a| a.first())
            .and_then(|p| p["id"].as_i64()))
    }

    fn update_post(&self, root: &Root, id: i64, body: &Value) -> Result<Option<Value>> {
        let url = self.url(root, &format!("/wp/v2/posts/{id}"), &[]);
        match self.call("POST", &url, true, Body::Json(body)) {
            Ok(v) => Ok(Some(v)),
            Err(Error::NotFound { .. }) => Ok(None),
            Err(Error::Rejected { status: 410, .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }
}

impl Target for WordPress {
    fn test(&self) -> Result<ConnectionReport> {
        let (root, index) = self.root()?;
        let url = self.url(&root, "/wp/v2/users/me", &[("context", "edit")]);
        let me = self.call("GET", &url, true, Body::None)?;
        Ok(ConnectionReport {
            site: str_of(&index["name"]),
            api: "wp/v2".into(),
            user: str_of(&me["name"]),
        })
    }

    fn publish(
        &self,
        job: &Job,
        ledger: &mut dyn Ledger,
        progress: &mut dyn FnMut(PublishProgress),
    ) -> Result<Published> {
        let (root, _) = self.root()?;
        let total = job.media.len() as u32 + 1;
        let n = job.media.len();
        let mut urls = Vec::new();
        let mut ids = Vec::new();
        let (mut uploaded, mut reused) = (0, 0);
        for (i, m) in job.media.iter().enumerate() {
            let known = match ledger.media(&m.hash)? {
                Some(r) => match r.remote_id {
                    Some(id) => self.media_by_id(&root, id)?,
                    None => self.media_by_stem(&root, &media_stem(&m.hash))?,
                },
                None => None,
            };
            let (id, url, verb) = match known {
                Some((id, url)) => {
                    reused += 1;
                    (id, url, "reused")
                }
                None => {
                    ledger.put_media(&m.hash, None)?;
                    let (id, url) = self.upload(&root, m)?;
                    uploaded += 1;
                    (id, url, "uploaded")
                }
            };
            ledger.put_media(&m.hash, Some((id, url.clone())))?;
            self.set_media_meta(&root, id, m)?;
            urls.push((m.placement_id, url));
            ids.push(id);
            progress(PublishProgress {
                done: i as u32 + 1,
                total,
                step: format!("{verb} photo {}/{n}", i + 1),
            });
        }
        let tags = self.tag_ids(&root, &job.tags)?;
        let mut body = json!({
            "title": job.title,
            "excerpt": job.excerpt,
            "content": (job.body.0)(&urls),
            "status": job.status,
            "tags": tags,
            "featured_media": ids.first().copied().unwrap_or(0),
        });
        let hash = {
            let bytes = serde_json::to_vec(&body).expect("JSON values serialise");
            Sha256::digest(&bytes)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect::<String>()
        };
        let before = ledger.post()?;
        let slug = before.as_ref().map_or(job.slug.clone(), |p| p.slug.clone());
        let mut remote_id = before.as_ref().and_then(|p| p.remote_id);
        if remote_id.is_none() && before.is_some() {
            // A create was sent and its answer never came: it may be on the site.
            remote_id = self.post_by_slug(&root, &slug)?;
        }
        let mut answer = None;
        if let Some(id) = remote_id {
            answer = self.update_post(&root, id, &body)?;
        }
        let updated = answer.is_some();
        let answer = match answer {
            Some(v) => v,
            None => {
                let mut pending = RemotePost {
                    article_id: job.article_id,
                    target: self.name.clone(),
                    slug: slug.clone(),
                    remote_id: None,
                    url: String::new(),
                    status: String::new(),
                    article_version: job.article_version,
                    content_hash: String::new(),
                    at: newsdesk_core::time::now(),
                };
                if let Some(b) = &before {
                    pending.at = b.at;
                }
                ledger.put_post(&pending)?;
                body["slug"] = json!(slug);
                let url = self.url(&root, "/wp/v2/posts", &[]);
                self.call("POST", &url, true, Body::Json(&body))?
            }
        };
        let id = answer["id"].as_i64().ok_or_else(|| Error::Malformed {
            url: self.base.clone(),
            reason: "the post's answer has no id".into(),
        })?;
        let post = RemotePost {
            article_id: job.article_id,
            target: self.name.clone(),
            slug,
            remote_id: Some(id),
            url: str_of(&answer["link"]),
            status: str_of(&answer["status"]),
            article_version: job.article_version,
            content_hash: hash,
            at: newsdesk_core::time::now(),
        };
        ledger.put_post(&post)?;
        progress(PublishProgress {
            done: total,
            total,
            step: if updated {
                "post updated".into()
            } else {
                "post created".into()
            },
        });
        Ok(Published {
            target: self.name.clone(),
            remote_id: id,
            url: post.url,
            status: post.status,
            uploaded,
            reused,
            updated,
        })
    }

    fn withdraw(&self, ledger: &mut dyn Ledger) -> Result<Published> {
        let before = ledger.post()?;
        let Some(mut post) = before.filter(|p| p.remote_id.is_some()) else {
            return Err(Error::NeverPublished(self.name.clone()));
        };
        let id = post.remote_id.expect("filtered");
        let (root, _) = self.root()?;
        let answer = self
            .update_post(&root, id, &json!({ "status": "draft" }))?
            .ok_or_else(|| Error::NotFound {
                url: format!("{} (post {id})", self.base),
            })?;
        post.status = str_of(&answer["status"]);
        post.url = str_of(&answer["link"]);
        post.at = newsdesk_core::time::now();
        ledger.put_post(&post)?;
        Ok(Published {
            target: self.name.clone(),
            remote_id: id,
            url: post.url,
            status: post.status,
            uploaded: 0,
            reused: 0,
            updated: true,
        })
    }
}

/// The file-name stem of an upload: its hash, short enough for a file name.
pub fn media_stem(hash: &str) -> String {
    format!("nd-{}", &hash[..16.min(hash.len())])
}

fn str_of(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Object(o) => o
            .get("raw")
            .or_else(|| o.get("rendered"))
            .map(str_of)
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// Percent-encodes a query value (everything but unreserved characters).
fn encode(s: &str) -> String {
    let mut o = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'/' | b',') {
            o.push(b as char);
        } else {
            o.push_str(&format!("%{b:02X}"));
        }
    }
    o
}

fn transport_error(e: ureq::Error, url: &str) -> Error {
    let url = url.to_owned();
    match e {
        ureq::Error::Timeout(_) => Error::Timeout { url },
        ureq::Error::Tls(r) => Error::Tls {
            url,
            reason: r.to_owned(),
        },
        ureq::Error::Rustls(r) => Error::Tls {
            url,
            reason: r.to_string(),
        },
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => Error::Timeout { url },
        ureq::Error::BodyExceedsLimit(_) => Error::Malformed {
            url,
            reason: "the answer is too large".into(),
        },
        other => Error::Unreachable {
            url,
            reason: other.to_string(),
        },
    }
}

fn status_error(status: u16, url: &str, body: Option<Value>) -> Error {
    let message = body
        .as_ref()
        .map(|b| str_of(&b["message"]))
        .filter(|m| !m.is_empty())
        .unwrap_or_else(|| format!("HTTP {status}"));
    match status {
        401 => Error::Unauthorized,
        403 => Error::Forbidden,
        404 => Error::NotFound {
            url: url.to_owned(),
        },
        413 => Error::TooLarge,
        500..=599 => Error::Server { status },
        _ => Error::Rejected { status, message },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_map_to_their_own_errors() {
        let cases = [
            (401, "unauthorized"),
            (403, "forbidden"),
            (404, "not_found"),
            (413, "too_large"),
            (500, "server_error"),
            (503, "server_error"),
            (400, "rejected"),
        ];
        for (status, code) in cases {
            assert_eq!(status_error(status, "u", None).code(), code, "{status}");
        }
        let e = status_error(400, "u", Some(json!({"code": "x", "message": "bad slug"})));
        assert!(e.to_string().contains("bad slug"));
    }

    #[test]
    fn addresses_are_checked_and_routes_built_for_both_roots() {
        assert_eq!(
            WordPress::new("w", "ftp://x.vn", "u", "p")
                .err()
                .unwrap()
                .code(),
            "bad_url"
        );
        let wp = WordPress::new("w", "https://bao.vn/", "u", "p").unwrap();
        let pretty = Root::Pretty("https://bao.vn/wp-json".into());
        let query = Root::Query("https://bao.vn/?rest_route=".into());
        assert_eq!(
            wp.url(&pretty, "/wp/v2/posts", &[("slug", "tin moi")]),
            "https://bao.vn/wp-json/wp/v2/posts?slug=tin%20moi"
        );
        assert_eq!(
            wp.url(&query, "/wp/v2/posts", &[("slug", "a&b")]),
            "https://bao.vn/?rest_route=/wp/v2/posts&slug=a%26b"
        );
    }

    #[test]
    fn an_unreachable_site_is_a_clear_error() {
        // A port nothing listens on: refused at once.
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = l.local_addr().unwrap().port();
        drop(l);
        let wp = WordPress::new("w", &format!("http://127.0.0.1:{port}"), "u", "p").unwrap();
        assert_eq!(wp.test().unwrap_err().code(), "unreachable");
    }

    #[test]
    fn a_site_answering_garbage_is_not_wordpress() {
        use std::io::{Read, Write};
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = l.local_addr().unwrap().port();
        let server = std::thread::spawn(move || {
            for _ in 0..2 {
                let (mut s, _) = l.accept().unwrap();
                let mut buf = [0u8; 4096];
                let _ = s.read(&mut buf);
                let _ = s.write_all(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 9\r\nConnection: close\r\n\r\n{not json",
                );
            }
        });
        let wp = WordPress::new("w", &format!("http://127.0.0.1:{port}"), "u", "p").unwrap();
        let e = wp.test().unwrap_err();
        assert_eq!(e.code(), "not_wordpress", "{e}");
        assert!(e.to_string().contains("not the JSON"), "{e}");
        server.join().unwrap();
    }
}
