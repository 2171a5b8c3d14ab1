// Small pugixml helpers for WordprocessingML. pugixml does not resolve namespaces, so elements
// and attributes are matched by their local name ("p" matches <w:p>); every part we read uses
// one vocabulary, and matching local names also accepts documents written with another prefix.
#pragma once

#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>

#include "util/status.h"

namespace lienthong::docx {

// "w:p" -> "p"; names without a prefix are returned as they are.
std::string_view LocalName(const char* qualified_name);

inline bool Is(const pugi::xml_node& node, std::string_view local_name) {
  return node.type() == pugi::node_element && LocalName(node.name()) == local_name;
}

// The first child element with this local name, or an empty node.
pugi::xml_node Child(const pugi::xml_node& node, std::string_view local_name);

// The attribute with this local name (w:val, r:id, ...), or an empty attribute.
pugi::xml_attribute Attr(const pugi::xml_node& node, std::string_view local_name);

// The text of attribute `local_name`, or "" when it is absent.
std::string AttrText(const pugi::xml_node& node, std::string_view local_name);

// A w:ST_OnOff toggle such as <w:b/>, <w:b w:val="0"/>, <w:i w:val="false"/>: nullopt when the
// element is absent, else its value (absent val = true).
std::optional<bool> OnOff(const pugi::xml_node& properties, std::string_view local_name);

// An integer attribute `val` of child `local_name` (e.g. <w:ilvl w:val="2"/>); nullopt when
// absent or not a number.
std::optional<int> IntVal(const pugi::xml_node& properties, std::string_view local_name);

// Parses one XML part. The document keeps whitespace-only text nodes that are the only child
// of their element, so <w:t xml:space="preserve"> </w:t> stays a space.
// Errors: kInvalidArgument "word/document.xml: XML error at byte 120: ...".
Status ParseXmlPart(std::string_view xml, std::string_view part_name, pugi::xml_document* doc);

}  // namespace lienthong::docx
