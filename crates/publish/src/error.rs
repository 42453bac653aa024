//! Errors of publishing. Each has a stable [`Error::code`] and a plain-language message
//! in English ([`std::fmt::Display`]) and Vietnamese ([`Error::message`]).

use newsdesk_core::Lang;
use thiserror::Error;

/// What can go wrong publishing.
#[derive(Debug, Error)]
pub enum Error {
    #[error("the site {url} cannot be reached: {reason}. Check the address and the network; nothing was lost, publish again to resume")]
    Unreachable { url: String, reason: String },
    #[error("the site {url} did not answer in time. Nothing was lost; publish again to resume")]
    Timeout { url: String },
    #[error("the secure connection to {url} failed ({reason}): the site's certificate is not trusted or its address is wrong")]
    Tls { url: String, reason: String },
    #[error("the site refused the user name or application password (401). Check them with `newsdesk target test`")]
    Unauthorized,
    #[error(
        "this user may not do that on the site (403): it needs the Editor or Administrator role"
    )]
    Forbidden,
    #[error("the site has no such address (404): {url}")]
    NotFound { url: String },
    #[error("the site refused a file as too large (413); raise its upload limit")]
    TooLarge,
    #[error("the site failed with a server error ({status}); try again later. Nothing was lost")]
    Server { status: u16 },
    #[error("the site refused the request ({status}): {message}")]
    Rejected { status: u16, message: String },
    #[error("the site answered something that is not the JSON expected from {url}: {reason}")]
    Malformed { url: String, reason: String },
    #[error("{url} is not a WordPress site with the REST API (no wp/v2): {reason}")]
    NotWordPress { url: String, reason: String },
    #[error("the target address '{0}' is not an http:// or https:// address")]
    BadUrl(String),
    #[error("the article is '{status}': only an approved or published article is published (approve it first)")]
    NotApproved { status: String },
    #[error("the article was never published to '{0}'")]
    NeverPublished(String),
    #[error("photo {name}: {reason}")]
    Photo { name: String, reason: String },
    #[error("no keyring answered ({0}); the password is kept in the encrypted file of the data folder instead")]
    NoKeyring(String),
    #[error(
        "the password vault cannot be opened: the vault password is wrong or the file is damaged"
    )]
    VaultPassword,
    #[error("the password vault needs a password: set NEWSDESK_VAULT_PASSWORD")]
    NoVaultPassword,
    #[error("no password is stored for target '{0}': add the target again")]
    NoPassword(String),
    #[error("keyring: {0}")]
    Keyring(String),
    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Store(#[from] newsdesk_store::Error),
    #[error(transparent)]
    Export(#[from] newsdesk_export::Error),
}

/// Results of this crate.
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// A stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Unreachable { .. } => "unreachable",
            Error::Timeout { .. } => "timeout",
            Error::Tls { .. } => "tls",
            Error::Unauthorized => "unauthorized",
            Error::Forbidden => "forbidden",
            Error::NotFound { .. } => "not_found",
            Error::TooLarge => "too_large",
            Error::Server { .. } => "server_error",
            Error::Rejected { .. } => "rejected",
            Error::Malformed { .. } => "malformed",
            Error::NotWordPress { .. } => "not_wordpress",
            Error::BadUrl(_) => "bad_url",
            Error::NotApproved { .. } => "not_approved",
            Error::NeverPublished(_) => "never_published",
            Error::Photo { .. } => "photo",
            Error::NoKeyring(_) => "no_keyring",
            Error::VaultPassword => "vault_password",
            Error::NoVaultPassword => "no_vault_password",
            Error::NoPassword(_) => "no_password",
            Error::Keyring(_) => "keyring",
            Error::Io { .. } => "io",
            Error::Store(e) => e.code(),
            Error::Export(e) => e.code(),
        }
    }

    /// The message in the newsroom's language.
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            Error::Unreachable { url, reason } => format!("Không kết nối được tới {url}: {reason}. Kiểm tra địa chỉ và mạng; không mất gì, đăng lại để tiếp tục"),
            Error::Timeout { url } => format!("{url} không trả lời kịp. Không mất gì; đăng lại để tiếp tục"),
            Error::Tls { url, reason } => format!("Kết nối bảo mật tới {url} thất bại ({reason}): chứng chỉ của trang không đáng tin hoặc địa chỉ sai"),
            Error::Unauthorized => "Trang từ chối tên người dùng hoặc mật khẩu ứng dụng (401). Kiểm tra bằng `newsdesk target test`".into(),
            Error::Forbidden => "Người dùng này không được làm việc đó trên trang (403): cần vai trò Biên tập viên hoặc Quản trị".into(),
            Error::NotFound { url } => format!("Trang không có địa chỉ này (404): {url}"),
            Error::TooLarge => "Trang từ chối một tệp quá lớn (413); hãy nâng giới hạn tải lên của trang".into(),
            Error::Server { status } => format!("Trang gặp lỗi máy chủ ({status}); thử lại sau. Không mất gì"),
            Error::Rejected { status, message } => format!("Trang từ chối yêu cầu ({status}): {message}"),
            Error::Malformed { url, reason } => format!("Trang trả về dữ liệu không phải JSON như mong đợi từ {url}: {reason}"),
            Error::NotWordPress { url, reason } => format!("{url} không phải trang WordPress có REST API (thiếu wp/v2): {reason}"),
            Error::BadUrl(u) => format!("Địa chỉ '{u}' không phải địa chỉ http:// hoặc https://"),
            Error::NotApproved { status } => format!("Bài đang ở trạng thái '{status}': chỉ bài đã duyệt hoặc đã đăng mới được đăng (hãy duyệt trước)"),
            Error::NeverPublished(t) => format!("Bài chưa từng được đăng lên '{t}'"),
            Error::Photo { name, reason } => format!("Ảnh {name}: {reason}"),
            Error::NoKeyring(r) => format!("Không có kho khóa nào trả lời ({r}); mật khẩu được giữ trong tệp mã hóa ở thư mục dữ liệu"),
            Error::VaultPassword => "Không mở được kho mật khẩu: mật khẩu kho sai hoặc tệp bị hỏng".into(),
            Error::NoVaultPassword => "Kho mật khẩu cần mật khẩu: đặt NEWSDESK_VAULT_PASSWORD".into(),
            Error::NoPassword(t) => format!("Chưa lưu mật khẩu cho đích '{t}': hãy thêm lại đích"),
            other => other.to_string(),
        }
    }

    pub(crate) fn io(context: impl Into<String>, source: std::io::Error) -> Error {
        Error::Io {
            context: context.into(),
            source,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_site_failure_has_a_vietnamese_message() {
        let cases = [
            Error::Unreachable {
                url: "u".into(),
                reason: "r".into(),
            },
            Error::Timeout { url: "u".into() },
            Error::Tls {
                url: "u".into(),
                reason: "r".into(),
            },
            Error::Unauthorized,
            Error::Forbidden,
            Error::NotFound { url: "u".into() },
            Error::TooLarge,
            Error::Server { status: 502 },
            Error::Malformed {
                url: "u".into(),
                reason: "r".into(),
            },
        ];
        for e in cases {
            let vi = e.message(Lang::Vi);
            assert_ne!(vi, e.to_string(), "{}", e.code());
            assert_eq!(e.message(Lang::En), e.to_string());
        }
    }
}
