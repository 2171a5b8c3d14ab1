#include "import/docx/docx_xml.h"

#include <charconv>

namespace lienthong::docx {

std::string_view LocalName(const char* qualified_name) {
  std::string_view name(qualified_name);
  size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node Child(const pugi::xml_node& node, std::string_view local_name) {
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    if (Is(child, local_name)) return child;
  }
  return pugi::xml_node();
}

pugi::xml_attribute Attr(const pugi::xml_node& node, std::string_view local_name) {
  for (pugi::xml_attribute attr = node.first_attribute(); attr; attr = attr.next_attribute()) {
    if (LocalName(attr.name()) == local_name) return attr;
  }
  return pugi::xml_attribute();
}

std::string AttrText(const pugi::xml_node& node, std::string_view local_name) {
  pugi::xml_attribute attr = Attr(node, local_name);
  return attr ? std::string(attr.value()) : std::string();
}

std::optional<bool> OnOff(const pugi::xml_node& properties, std::string_view local_name) {
  pugi::xml_node node = Child(properties, local_name);
  if (!node) return std::nullopt;
  pugi::xml_attribute val = Attr(node, "val");
  if (!val) return true;
  std::string_view v = val.value();
  return !(v == "0" || v == "false" || v == "off" || v == "none");
}

std::optional<int> IntVal(const pugi::xml_node& properties, std::string_view local_name) {
  pugi::xml_node node = Child(properties, local_name);
  if (!node) return std::nullopt;
  std::string_view v = Attr(node, "val").value();
  int value = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), value);
  if (ec != std::errc() || end != v.data() + v.size()) return std::nullopt;
  return value;
}

Status ParseXmlPart(std::string_view xml, std::string_view part_name, pugi::xml_document* doc) {
  const unsigned options = pugi::parse_default | pugi::parse_ws_pcdata_single;
  pugi::xml_parse_result result =
      doc->load_buffer(xml.data(), xml.size(), options, pugi::encoding_auto);
  if (!result) {
    return Status::InvalidArgument(std::string(part_name) + ": XML error at byte " +
                                   std::to_string(result.offset) + ": " + result.description());
  }
  return Status::Ok();
}

}  // namespace lienthong::docx
