//! XMP packets (RDF/XML, always Unicode): the Dublin Core, Photoshop and IPTC Core
//! properties the desk prefills from, in element or attribute form, with language
//! alternatives (`x-default` preferred) and ordered lists (joined with commas).

use newsdesk_core::PhotoMeta;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::NsReader;

const DC: &[u8] = b"http://purl.org/dc/elements/1.1/";
const PHOTOSHOP: &[u8] = b"http://ns.adobe.com/photoshop/1.0/";
const IPTC_CORE: &[u8] = b"http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/";
const EXIF: &[u8] = b"http://ns.adobe.com/exif/1.0/";
const XMP: &[u8] = b"http://ns.adobe.com/xap/1.0/";
const RDF: &[u8] = b"http://www.w3.org/1999/02/22-rdf-syntax-ns#";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Prop {
    Description,
    Creator,
    Credit,
    Rights,
    City,
    State,
    Country,
    AltText,
    Headline,
    DateCreated,
    DateTimeOriginal,
    CreateDate,
}

fn prop(ns: &[u8], local: &[u8]) -> Option<Prop> {
    Some(match (ns, local) {
        (DC, b"description") => Prop::Description,
        (DC, b"creator") => Prop::Creator,
        (DC, b"rights") => Prop::Rights,
        (PHOTOSHOP, b"Credit") => Prop::Credit,
        (PHOTOSHOP, b"City") => Prop::City,
        (PHOTOSHOP, b"State") => Prop::State,
        (PHOTOSHOP, b"Country") => Prop::Country,
        (PHOTOSHOP, b"Headline") => Prop::Headline,
        (PHOTOSHOP, b"DateCreated") => Prop::DateCreated,
        (IPTC_CORE, b"AltTextAccessibility") => Prop::AltText,
        (EXIF, b"DateTimeOriginal") => Prop::DateTimeOriginal,
        (XMP, b"CreateDate") => Prop::CreateDate,
        _ => return None,
    })
}

#[derive(Default)]
struct Found {
    values: Vec<(Prop, String)>,
}

impl Found {
    fn set(&mut self, p: Prop, v: String) {
        let v = v.trim().to_owned();
        if !v.is_empty() && !self.values.iter().any(|(q, _)| *q == p) {
            self.values.push((p, v));
        }
    }
    fn get(&self, p: Prop) -> Option<String> {
        self.values
            .iter()
            .find(|(q, _)| *q == p)
            .map(|(_, v)| v.clone())
    }
}

/// The property being read: which, at what depth, its list items and the text so far.
struct Open {
    prop: Prop,
    depth: usize,
    items: Vec<(bool, String)>,
    text: String,
    item_is_default: bool,
}

/// The fields of an XMP packet; a malformed packet gives what was read before the fault.
pub fn read(packet: &[u8]) -> PhotoMeta {
    let found = parse(packet);
    // XMP dates are ISO 8601 already; keep the local date and time, drop the zone.
    let date = found
        .get(Prop::DateTimeOriginal)
        .or_else(|| found.get(Prop::DateCreated))
        .or_else(|| found.get(Prop::CreateDate))
        .map(|d| d.chars().take(19).collect::<String>());
    PhotoMeta {
        description: found.get(Prop::Description),
        creator: found.get(Prop::Creator),
        credit: found.get(Prop::Credit),
        copyright: found.get(Prop::Rights),
        headline: found.get(Prop::Headline),
        alt_text: found.get(Prop::AltText),
        city: found.get(Prop::City),
        state: found.get(Prop::State),
        country: found.get(Prop::Country),
        taken_at: date,
        ..PhotoMeta::default()
    }
}

fn parse(packet: &[u8]) -> Found {
    let mut reader = NsReader::from_reader(packet);
    let mut found = Found::default();
    let mut open: Option<Open> = None;
    let mut depth = 0usize;
    while let Ok((ns, event)) = reader.read_resolved_event() {
        let ns: Option<Vec<u8>> = match ns {
            ResolveResult::Bound(n) => Some(n.as_ref().to_vec()),
            _ => None,
        };
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                attribute_props(&reader, e, &mut found);
                let local = e.local_name();
                let ns = ns.as_deref().unwrap_or_default();
                match &mut open {
                    None => {
                        if let (Some(p), false) = (prop(ns, local.as_ref()), empty) {
                            open = Some(Open {
                                prop: p,
                                depth,
                                items: Vec::new(),
                                text: String::new(),
                                item_is_default: false,
                            });
                        }
                    }
                    Some(o) if ns == RDF && local.as_ref() == b"li" => {
                        o.text.clear();
                        o.item_is_default = e.attributes().flatten().any(|a| {
                            a.key.as_ref() == b"xml:lang" && a.value.as_ref() == b"x-default"
                        });
                    }
                    Some(_) => {}
                }
                if !empty {
                    depth += 1;
                }
            }
            Event::Text(t) => {
                if let (Some(o), Ok(s)) = (&mut open, t.decode()) {
                    o.text.push_str(&s);
                }
            }
            Event::CData(t) => {
                if let (Some(o), Ok(s)) = (&mut open, t.decode()) {
                    o.text.push_str(&s);
                }
            }
            Event::GeneralRef(r) => {
                if let Some(o) = &mut open {
                    let c = if r.is_char_ref() {
                        r.resolve_char_ref().ok().flatten()
                    } else {
                        match r.as_ref() {
                            b"amp" => Some('&'),
                            b"lt" => Some('<'),
                            b"gt" => Some('>'),
                            b"quot" => Some('"'),
                            b"apos" => Some('\''),
                            _ => None,
                        }
                    };
                    o.text.extend(c);
                }
            }
            Event::End(ref e) => {
                depth = depth.saturating_sub(1);
                let is_li = ns.as_deref() == Some(RDF) && e.local_name().as_ref() == b"li";
                if let Some(o) = &mut open {
                    if is_li {
                        let text = std::mem::take(&mut o.text).trim().to_owned();
                        if !text.is_empty() {
                            o.items.push((o.item_is_default, text));
                        }
                    } else if depth == o.depth {
                        let o = open.take().expect("open property");
                        finish(o, &mut found);
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    found
}

fn finish(o: Open, found: &mut Found) {
    let value = if o.items.is_empty() {
        o.text
    } else if o.prop == Prop::Creator {
        o.items
            .into_iter()
            .map(|(_, t)| t)
            .collect::<Vec<_>>()
            .join(", ")
    } else {
        let default = o.items.iter().position(|(d, _)| *d).unwrap_or(0);
        o.items
            .into_iter()
            .nth(default)
            .map(|(_, t)| t)
            .unwrap_or_default()
    };
    found.set(o.prop, value);
}

/// Properties written as attributes: `<rdf:Description photoshop:City="Huế">`.
fn attribute_props(reader: &NsReader<&[u8]>, e: &BytesStart, found: &mut Found) {
    for a in e.attributes().flatten() {
        let (ns, local) = reader.resolve_attribute(a.key);
        let ResolveResult::Bound(ns) = ns else {
            continue;
        };
        if let Some(p) = prop(ns.as_ref(), local.as_ref()) {
            if let Ok(v) = a.unescape_value() {
                found.set(p, v.into_owned());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PACKET: &str = r#"<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:ps="http://ns.adobe.com/photoshop/1.0/"
    xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/"
    ps:City="Đông Hà" ps:Credit="Báo Quảng Trị &amp; TTXVN">
   <dc:description><rdf:Alt>
     <rdf:li xml:lang="en">Harvest</rdf:li>
     <rdf:li xml:lang="x-default">Nông dân gặt lúa &#x1EDF; Hải Lăng</rdf:li>
   </rdf:Alt></dc:description>
   <dc:creator><rdf:Seq><rdf:li>Trần Dũng</rdf:li><rdf:li>Lê Hoa</rdf:li></rdf:Seq></dc:creator>
   <ps:Headline>Mùa vàng</ps:Headline>
   <ps:DateCreated>2026-10-02T07:15:00+07:00</ps:DateCreated>
   <Iptc4xmpCore:AltTextAccessibility><rdf:Alt><rdf:li xml:lang="x-default">Cánh đồng lúa chín</rdf:li></rdf:Alt></Iptc4xmpCore:AltTextAccessibility>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>"#;

    #[test]
    fn reads_elements_attributes_alternatives_and_lists() {
        let m = read(PACKET.as_bytes());
        assert_eq!(
            m.description.as_deref(),
            Some("Nông dân gặt lúa ở Hải Lăng")
        );
        assert_eq!(m.creator.as_deref(), Some("Trần Dũng, Lê Hoa"));
        assert_eq!(m.credit.as_deref(), Some("Báo Quảng Trị & TTXVN"));
        assert_eq!(m.city.as_deref(), Some("Đông Hà"));
        assert_eq!(m.headline.as_deref(), Some("Mùa vàng"));
        assert_eq!(m.alt_text.as_deref(), Some("Cánh đồng lúa chín"));
        assert_eq!(m.taken_at.as_deref(), Some("2026-10-02T07:15:00"));
    }

    #[test]
    fn malformed_packets_do_not_panic() {
        for p in ["", "<x", "<dc:description>", &PACKET[..PACKET.len() / 2]] {
            let _ = read(p.as_bytes());
        }
    }
}
