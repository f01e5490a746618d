//! Which platform a tab is on, from its URL, and the matching on/off switch in the settings.

use crate::engine::platform::Platform;
use crate::engine::Settings;

/// Registrable domains of each platform; a host matches itself and its subdomains only.
const DOMAINS: [(&str, Platform); 3] =
    [("x.com", Platform::X), ("twitter.com", Platform::X), ("facebook.com", Platform::Facebook)];

/// The platform of an `http(s)` URL, or `None` for every other page (including look-alike hosts
/// such as `x.com.example.net`).
pub fn platform_for_url(url: &str) -> Option<Platform> {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"))?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host_port = authority.rsplit('@').next()?;
    let host = host_port.split(':').next()?.trim_end_matches('.').to_ascii_lowercase();
    DOMAINS.iter().find_map(|&(domain, platform)| {
        let sub = host.strip_suffix(domain)?;
        (sub.is_empty() || sub.ends_with('.')).then_some(platform)
    })
}

/// The name an agent knows the platform by.
pub fn platform_label(platform: Platform) -> &'static str {
    match platform {
        Platform::X => "X",
        Platform::Facebook => "Facebook",
    }
}

/// The settings path of the platform's on/off switch.
pub fn switch_path(platform: Platform) -> &'static str {
    match platform {
        Platform::X => "platforms.x",
        Platform::Facebook => "platforms.facebook",
    }
}

pub fn is_enabled(settings: &Settings, platform: Platform) -> bool {
    match platform {
        Platform::X => settings.platforms.x,
        Platform::Facebook => settings.platforms.facebook,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn x_and_its_old_names() {
        for url in [
            "https://x.com/home",
            "https://mobile.x.com/acme/status/1",
            "https://twitter.com/acme",
            "https://www.twitter.com",
            "https://X.COM:443/notifications?x=1",
        ] {
            assert_eq!(platform_for_url(url), Some(Platform::X), "{url}");
        }
    }

    #[test]
    fn facebook_hosts() {
        for url in ["https://www.facebook.com/acme", "https://m.facebook.com/", "https://web.facebook.com#x"] {
            assert_eq!(platform_for_url(url), Some(Platform::Facebook), "{url}");
        }
    }

    #[test]
    fn look_alikes_and_other_pages_are_not_platforms() {
        for url in [
            "https://notx.com/",
            "https://x.com.example.net/",
            "https://example.com/?next=https://x.com/",
            "https://x.com@evil.example/",
            "chrome-extension://abc/extension/popup.html",
            "chrome://newtab/",
            "",
            "x.com",
        ] {
            assert_eq!(platform_for_url(url), None, "{url}");
        }
    }

    #[test]
    fn userinfo_before_the_host_is_ignored() {
        assert_eq!(platform_for_url("https://someone@x.com/home"), Some(Platform::X));
    }

    #[test]
    fn switch_follows_the_settings() {
        let mut s = Settings::default();
        s.platforms.facebook = false;
        assert!(is_enabled(&s, Platform::X));
        assert!(!is_enabled(&s, Platform::Facebook));
        assert_eq!(switch_path(Platform::Facebook), "platforms.facebook");
    }
}
