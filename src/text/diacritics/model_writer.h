// Serialises an estimated model into the file layout of model_format.h: 8-bit quantised
// probabilities and backoffs (256 equal-population levels per order), fingerprinted
// open-addressing n-gram tables, and the word and key tables. Deterministic: the same contents
// give the same bytes.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "text/diacritics/ngram_estimator.h"

namespace lienthong::diacritics {

struct ModelContents {
  std::vector<std::string> forms;  // model form of each id
  EstimatedModel lm;
  std::vector<WordCaseOdds> word_case;  // by id
  // Key -> candidate ids, most frequent first; sorted by key.
  std::vector<std::pair<std::string, std::vector<uint16_t>>> keys;
  double ngram_table_load = 0.85;  // share of n-gram slots in use
};

std::string WriteModel(const ModelContents& contents);

}  // namespace lienthong::diacritics
