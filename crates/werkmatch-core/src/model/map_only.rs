//! Deserialisation of small nested objects that accepts only JSON objects.
//!
//! serde's derive also accepts a sequence for a struct, so `"location":
//! [6.56, 53.2]` (GeoJSON order, lon first) would be read silently as
//! lat 6.56, lon 53.2. FORMAT.md defines these values as objects, so the
//! nested value types deserialise through this macro, which only visits maps:
//! unknown, duplicate and missing fields are reported by name.

/// Implements `Deserialize` for a plain struct by visiting a map only.
macro_rules! map_only_deserialize {
    ($name:ident { $($field:ident : $ty:ty),+ $(,)? }) => {
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
                const FIELDS: &[&str] = &[$(stringify!($field)),+];

                /// A key, matched against FIELDS without allocating.
                struct Key(usize);
                impl<'de> serde::Deserialize<'de> for Key {
                    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
                        struct KeyVisitor;
                        impl serde::de::Visitor<'_> for KeyVisitor {
                            type Value = Key;
                            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                                f.write_str("a field name")
                            }
                            fn visit_str<E: serde::de::Error>(self, v: &str) -> std::result::Result<Key, E> {
                                FIELDS.iter().position(|f| *f == v).map(Key).ok_or_else(|| E::unknown_field(v, FIELDS))
                            }
                        }
                        d.deserialize_identifier(KeyVisitor)
                    }
                }

                struct MapVisitor;
                impl<'de> serde::de::Visitor<'de> for MapVisitor {
                    type Value = $name;
                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(f, "an object with the fields {}", FIELDS.join(", "))
                    }
                    #[allow(non_snake_case)]
                    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> std::result::Result<$name, A::Error> {
                        $(let mut $field: Option<$ty> = None;)+
                        while let Some(Key(i)) = map.next_key::<Key>()? {
                            let name = FIELDS[i];
                            $(
                                if name == stringify!($field) {
                                    if $field.is_some() {
                                        return Err(serde::de::Error::duplicate_field(stringify!($field)));
                                    }
                                    $field = Some(map.next_value()?);
                                    continue;
                                }
                            )+
                        }
                        Ok($name {
                            $($field: $field.ok_or_else(|| serde::de::Error::missing_field(stringify!($field)))?,)+
                        })
                    }
                }
                d.deserialize_struct(stringify!($name), FIELDS, MapVisitor)
            }
        }
    };
}

pub(crate) use map_only_deserialize;
