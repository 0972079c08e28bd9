package io.casteroperator.playground;

import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request as the API server reads it: method, path without the query string, decoded query
 * parameters, and the headers that choose formats.
 */
record ApiRequest(String method, String path, String bare, Map<String, String> query, String contentType, String accept,
    byte[] body) {

  static ApiRequest of(RecordedRequest request) {
    String path = request.getPath();
    int mark = path.indexOf('?');
    String bare = mark < 0 ? path : path.substring(0, mark);
    Map<String, String> query = new LinkedHashMap<>();
    if (mark >= 0) {
      for (String parameter : path.substring(mark + 1).split("&")) {
        if (parameter.isEmpty()) {
          continue;
        }
        int equals = parameter.indexOf('=');
        String name = URLDecoder.decode(equals < 0 ? parameter : parameter.substring(0, equals), StandardCharsets.UTF_8);
        String value = equals < 0 ? "" : URLDecoder.decode(parameter.substring(equals + 1), StandardCharsets.UTF_8);
        query.put(name, value);
      }
    }
    byte[] body = request.getBody() == null ? new byte[0] : request.getBody().getBytes();
    return new ApiRequest(request.getMethod(), path, bare, query, request.getHeader("Content-Type"),
        request.getHeader("Accept"), body);
  }

  String parameter(String name) {
    return query.get(name);
  }

  boolean is(String method) {
    return this.method.equals(method);
  }

  /** The media type without parameters, lower case; empty when there is none. */
  String mediaType() {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(java.util.Locale.ROOT);
  }

  /** kubectl get asks for server-side printing with {@code Accept: application/json;as=Table;...}. */
  boolean wantsTable() {
    return accept != null && accept.contains("as=Table");
  }

  boolean isWatch() {
    String watch = query.get("watch");
    return "true".equals(watch) || "1".equals(watch);
  }

  /** kubectl's and client-go's dry run: validate and answer, store nothing. */
  boolean dryRun() {
    return query.containsKey("dryRun");
  }

  /** What the request path names. */
  ResourcePath resource() {
    return ResourcePath.parse(bare);
  }
}
