// lienthong units import | tree | move | merge | kinds
#include <iostream>

#include "api/unit_json.h"
#include "cli/cli_context.h"
#include "core/date.h"
#include "service/units/unit_import.h"
#include "service/units/unit_reorganize.h"
#include "service/units/unit_tree.h"

namespace lienthong {
namespace {

Result<Date> ParseDateFlag(const std::string& flag, const std::string& text) {
  auto d = Date::FromIso(text);
  if (!d) return Status::InvalidArgument(flag + " '" + text + "' is not a date (YYYY-MM-DD)");
  return *d;
}

void AddImportCommand(CLI::App* units, CliContext& ctx) {
  auto* import = units->add_subcommand(
      "import", "Import units from CSV (code,name,kind,parent_code) or JSON, all or nothing");
  static std::string import_file;
  import->add_option("FILE", import_file, "CSV or .json file")->required();
  import->callback([&ctx] {
    ctx.action = [&ctx]() -> Status {
      LT_ASSIGN_OR_RETURN(auto rows, ReadUnitFile(import_file));
      LT_ASSIGN_OR_RETURN(auto db, ctx.OpenMigrated());
      LT_ASSIGN_OR_RETURN(auto summary, ImportUnits(*db, rows, ctx.Actor()));
      std::cout << "imported " << summary.created << " units from " << import_file;
      if (summary.created_country) std::cout << " (and the country root VN)";
      std::cout << "\n";
      return Status::Ok();
    };
  });
}

void AddTreeCommand(CLI::App* units, CliContext& ctx) {
  auto* tree = units->add_subcommand("tree", "Print a subtree, sorted by Vietnamese collation");
  static std::string root, format = "text";
  static bool include_ended = false;
  tree->add_option("--root", root, "Code of the subtree's root (default: the whole tree)");
  tree->add_option("--format", format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  tree->add_flag("--include-ended", include_ended, "Also show units ended by a merge");
  tree->callback([&ctx] {
    ctx.action = [&ctx]() -> Status {
      LT_ASSIGN_OR_RETURN(auto db, ctx.OpenMigrated());
      UnitTreeOptions options{.include_ended = include_ended, .today = Today()};
      if (!root.empty()) options.root_code = root;
      LT_ASSIGN_OR_RETURN(auto forest, LoadUnitTree(*db, options));
      if (format == "json") {
        std::cout << api::UnitTreeJson(forest).dump(2) << "\n";
      } else {
        std::cout << RenderUnitTreeText(forest);
      }
      return Status::Ok();
    };
  });
}

void AddMoveCommand(CLI::App* units, CliContext& ctx) {
  auto* move = units->add_subcommand("move", "Move a unit and its subtree under another parent");
  static std::string move_code, move_to, move_on;
  move->add_option("CODE", move_code, "Unit to move")->required();
  move->add_option("--to", move_to, "Code of the new parent")->required();
  move->add_option("--on", move_on, "Date of the move (YYYY-MM-DD), kept in history");
  move->callback([&ctx] {
    ctx.action = [&ctx]() -> Status {
      std::optional<Date> on;
      if (!move_on.empty()) {
        LT_ASSIGN_OR_RETURN(on, ParseDateFlag("--on", move_on));
      }
      LT_ASSIGN_OR_RETURN(auto db, ctx.OpenMigrated());
      LT_RETURN_IF_ERROR(MoveUnit(*db, move_code, move_to, on, ctx.Actor()));
      std::cout << "moved " << move_code << " under " << move_to << "\n";
      return Status::Ok();
    };
  });
}

void AddMergeCommand(CLI::App* units, CliContext& ctx) {
  auto* merge = units->add_subcommand(
      "merge", "Merge units into a successor: they end on DATE and their children move to it");
  static std::vector<std::string> merge_old;
  static std::string merge_into, merge_on;
  merge->add_option("OLD", merge_old, "Codes of the units that end")->required();
  merge->add_option("--into", merge_into, "Code of the successor unit")->required();
  merge->add_option("--on", merge_on, "First day of the merged unit (YYYY-MM-DD)")->required();
  merge->callback([&ctx] {
    ctx.action = [&ctx]() -> Status {
      LT_ASSIGN_OR_RETURN(Date on, ParseDateFlag("--on", merge_on));
      LT_ASSIGN_OR_RETURN(auto db, ctx.OpenMigrated());
      LT_RETURN_IF_ERROR(MergeUnits(*db, merge_old, merge_into, on, ctx.Actor()));
      std::cout << "merged " << merge_old.size() << " unit(s) into " << merge_into << " on "
                << on.ToIso() << "\n";
      return Status::Ok();
    };
  });
}

void AddKindsCommand(CLI::App* units, CliContext& ctx) {
  units->add_subcommand("kinds", "List the unit kinds a file may use")->callback([&ctx] {
    ctx.action = []() -> Status {
      for (UnitKind k : AllUnitKinds()) {
        std::cout << UnitKindName(k) << "\t" << UnitKindLabelVi(k) << "\n";
      }
      return Status::Ok();
    };
  });
}

}  // namespace

void AddUnitsCommands(CLI::App& app, CliContext& ctx) {
  CLI::App* units = app.add_subcommand("units", "The unit hierarchy: import, tree, move, merge");
  units->require_subcommand(1);
  AddImportCommand(units, ctx);
  AddTreeCommand(units, ctx);
  AddMoveCommand(units, ctx);
  AddMergeCommand(units, ctx);
  AddKindsCommand(units, ctx);
}

}  // namespace lienthong
