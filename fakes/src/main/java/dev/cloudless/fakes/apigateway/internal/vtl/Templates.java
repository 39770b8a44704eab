package dev.cloudless.fakes.apigateway.internal.vtl;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.exception.VelocityException;
import org.apiguardian.api.API;

/**
 * Renders API Gateway mapping templates (VTL) on Apache Velocity, with {@code $input}, {@code
 * $util}, {@code $context} and {@code $stageVariables}. One engine per cloud, made on first use.
 */
@API(status = INTERNAL, since = "0.1")
public final class Templates {

  /** API Gateway stops a {@code #foreach} after 1,000 iterations (AWS-SEMANTICS 5.4). */
  public static final int MAX_FOREACH = 1000;

  private final ObjectMapper json;
  private VelocityEngine engine;

  public Templates(ObjectMapper json) {
    this.json = json;
  }

  /** A template that Velocity could not parse or run: the integration fails with 500. */
  @API(status = INTERNAL, since = "0.1")
  public static final class TemplateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TemplateException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * What a template produced, and what it set in {@code $context.responseOverride} ({@code status}
   * and {@code header}).
   */
  @API(status = INTERNAL, since = "0.1")
  public record Rendered(
      String output, Integer statusOverride, Map<String, String> headerOverrides) {}

  /**
   * Renders {@code template}.
   *
   * @param context {@code $context}'s variables; a {@code responseOverride} map is added
   */
  public Rendered render(
      String template,
      InputVariable input,
      Map<String, Object> context,
      Map<String, String> stageVariables) {
    VelocityContext vc = new VelocityContext();
    Map<String, Object> ctx = new LinkedHashMap<>(context);
    Map<String, Object> override = new LinkedHashMap<>();
    override.put("header", new LinkedHashMap<String, Object>());
    ctx.put("responseOverride", override);
    vc.put("input", input);
    vc.put("util", new UtilVariable(json));
    vc.put("context", ctx);
    vc.put("stageVariables", new LinkedHashMap<>(stageVariables));
    StringWriter out = new StringWriter();
    try {
      engine().evaluate(vc, out, "mapping-template", template);
    } catch (VelocityException | IllegalArgumentException e) {
      throw new TemplateException("Mapping template failed: " + e.getMessage(), e);
    }
    Integer status = null;
    Object s = override.get("status");
    if (s != null) {
      try {
        status = Integer.valueOf(s.toString().trim());
      } catch (NumberFormatException e) {
        throw new TemplateException(
            "$context.responseOverride.status must be a number; got [" + s + "]", e);
      }
    }
    Map<String, String> headers = new LinkedHashMap<>();
    if (override.get("header") instanceof Map<?, ?> h) {
      h.forEach((k, v) -> headers.put(String.valueOf(k), String.valueOf(v)));
    }
    return new Rendered(out.toString(), status, headers);
  }

  private synchronized VelocityEngine engine() {
    if (engine == null) {
      Properties p = new Properties();
      p.setProperty("directive.foreach.max_loops", Integer.toString(MAX_FOREACH));
      p.setProperty("resource.loaders", "string");
      p.setProperty(
          "resource.loader.string.class",
          "org.apache.velocity.runtime.resource.loader.StringResourceLoader");
      VelocityEngine created = new VelocityEngine(p);
      created.init();
      engine = created;
    }
    return engine;
  }
}
