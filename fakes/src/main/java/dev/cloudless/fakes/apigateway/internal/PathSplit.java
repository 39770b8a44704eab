package dev.cloudless.fakes.apigateway.internal;

/**
 * A request path cut where API Gateway cuts it: the stage (the first part, after any leading
 * slashes) and the rest as sent.
 *
 * @param rawPath the path without the query string
 * @param rawQuery the query string, {@code ""} when none
 * @param firstPart the first part of the path, the stage's name for a REST API
 * @param afterFirst the path after the first part, leading slash kept, {@code /} when nothing
 */
record PathSplit(String rawPath, String rawQuery, String firstPart, String afterFirst) {

  static PathSplit of(String pathAndQuery) {
    int q = pathAndQuery.indexOf('?');
    String rawPath = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    String rawQuery = q < 0 ? "" : pathAndQuery.substring(q + 1);
    int i = 0;
    while (i < rawPath.length() && rawPath.charAt(i) == '/') {
      i++;
    }
    String rest = rawPath.substring(i);
    int slash = rest.indexOf('/');
    String first = slash < 0 ? rest : rest.substring(0, slash);
    String after = slash < 0 ? "/" : rest.substring(slash);
    return new PathSplit(rawPath.isEmpty() ? "/" : rawPath, rawQuery, first, after);
  }
}
