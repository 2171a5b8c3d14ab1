// The query typed without diacritics, with them restored (service/search/query_suggestion.h).
//   GET /api/v1/search/suggestion?q=TEXT → {"suggestion": "chuyển đổi số" | null}
#include "api/openapi.h"
#include "api/route.h"
#include "service/search/query_suggestion.h"

namespace lienthong::api {

void RegisterSearchSuggestionRoutes(Router& router);

namespace {

Result<http::HttpResponse> Suggestion(RouteContext& ctx) {
  LT_ASSIGN_OR_RETURN(std::optional<std::string> suggestion,
                      SuggestRestoredQuery(ctx.Query("q").value_or("")));
  return JsonResponse({{"suggestion", suggestion ? nlohmann::json(*suggestion) : nlohmann::json()}});
}

}  // namespace

void RegisterSearchSuggestionRoutes(Router& router) {
  router.Add({.method = "GET",
              .pattern = "/api/v1/search/suggestion",
              .handler = Suggestion,
              .openapi = {{"summary",
                           "The query with its diacritics restored when it was typed without them "
                           "(\"Có phải bạn muốn tìm …\"); null when there is nothing to suggest"},
                          {"parameters",
                           {QueryParameter("q", "the query as typed (at most 500 bytes)", true)}},
                          {"responses",
                           {{"200", JsonResponseSchema(ClosedObjectSchema(
                                        {{"suggestion", TypeSchema("string", true)}}))}}}}});
}

}  // namespace lienthong::api
