#!/bin/sh
# Runs the export tests with the office tools required (they fail instead of skipping when
# LibreOffice or poppler-utils are missing) and lists the renders they kept.
# Usage: scripts/check-export.sh [build dir, default build]
set -eu
build=${1:-build}
LIENTHONG_REQUIRE_TOOLS=1 "$build/lienthong_tests" \
  --gtest_filter='Export*:*ExportRoutes*:OfficialD*:Xlsx*:PlanDocument*:ReportDocument*:VietnameseNumber*:ContentDisposition*'
ls -l "$build/test-artifacts/exports/"
