#include "store/postgres/placeholders.h"

#include <gtest/gtest.h>

namespace lienthong {
namespace {

void ExpectRewrite(std::string_view sql, std::string_view expected, int count) {
  PositionalSql out = RewritePlaceholders(sql);
  EXPECT_EQ(out.sql, expected) << "input: " << sql;
  EXPECT_EQ(out.param_count, count) << "input: " << sql;
}

TEST(DatabasePlaceholders, NumbersEachQuestionMarkInOrder) {
  ExpectRewrite("SELECT 1", "SELECT 1", 0);
  ExpectRewrite("", "", 0);
  ExpectRewrite("INSERT INTO t (a, b) VALUES (?, ?)", "INSERT INTO t (a, b) VALUES ($1, $2)", 2);
  ExpectRewrite("?", "$1", 1);
  ExpectRewrite("SELECT ?,?,?,?,?,?,?,?,?,?,?", "SELECT $1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11", 11);
  ExpectRewrite("WHERE a=?AND b=?", "WHERE a=$1AND b=$2", 2);
}

TEST(DatabasePlaceholders, SkipsStringConstants) {
  ExpectRewrite("SELECT '?', ?", "SELECT '?', $1", 1);
  ExpectRewrite("SELECT 'it''s ?', ?", "SELECT 'it''s ?', $1", 1);
  ExpectRewrite("SELECT '', ?", "SELECT '', $1", 1);
  ExpectRewrite("SELECT 'a\\', ?", "SELECT 'a\\', $1", 1);  // standard strings: \ is literal
  ExpectRewrite("SELECT E'a\\'?', ?", "SELECT E'a\\'?', $1", 1);
  ExpectRewrite("SELECT e'\\\\', ?", "SELECT e'\\\\', $1", 1);
  ExpectRewrite("SELECT name'?'", "SELECT name'?'", 0);  // "name" + '?' (not an E'' string)
  ExpectRewrite("SELECT 'Hồ Chí Minh?', ?", "SELECT 'Hồ Chí Minh?', $1", 1);
  ExpectRewrite("SELECT 'never closed ?", "SELECT 'never closed ?", 0);
}

TEST(DatabasePlaceholders, SkipsQuotedIdentifiers) {
  ExpectRewrite("SELECT \"why?\" FROM t WHERE x = ?", "SELECT \"why?\" FROM t WHERE x = $1", 1);
  ExpectRewrite("SELECT \"a\"\"?\" , ?", "SELECT \"a\"\"?\" , $1", 1);
}

TEST(DatabasePlaceholders, SkipsComments) {
  ExpectRewrite("SELECT ? -- why?\n, ?", "SELECT $1 -- why?\n, $2", 2);
  ExpectRewrite("SELECT ? -- trailing ?", "SELECT $1 -- trailing ?", 1);
  ExpectRewrite("SELECT /* ? */ ?", "SELECT /* ? */ $1", 1);
  ExpectRewrite("SELECT /* a /* nested ? */ still ? */ ?",
                "SELECT /* a /* nested ? */ still ? */ $1", 1);
  ExpectRewrite("SELECT 1 - -?", "SELECT 1 - -$1", 1);
  ExpectRewrite("SELECT 4/?", "SELECT 4/$1", 1);
}

TEST(DatabasePlaceholders, SkipsDollarQuotedStrings) {
  ExpectRewrite("SELECT $$ ? $$, ?", "SELECT $$ ? $$, $1", 1);
  ExpectRewrite("SELECT $fn$ it's ? $x$ $fn$, ?", "SELECT $fn$ it's ? $x$ $fn$, $1", 1);
  ExpectRewrite("SELECT $1, ?", "SELECT $1, $1", 1);  // not a dollar quote (mixing is a bug)
  ExpectRewrite("SELECT a$b, ?", "SELECT a$b, $1", 1);
}

}  // namespace
}  // namespace lienthong
