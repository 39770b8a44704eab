package dev.cloudless.fakes.lambda.internal.urls;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.cloudless.fakes.internal.CloudContext;
import dev.cloudless.fakes.internal.http.HttpEndpoint;
import dev.cloudless.fakes.internal.http.HttpHost;
import dev.cloudless.fakes.lambda.FakeLambda;
import dev.cloudless.fakes.lambda.FunctionUrlConfig;
import dev.cloudless.fakes.lambda.FunctionUrlEvent;
import dev.cloudless.fakes.lambda.FunctionUrlSpec;
import dev.cloudless.fakes.lambda.LambdaFunction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The function URLs of one cloud: {@code CreateFunctionUrlConfig} and its siblings, with AWS's
 * checks and errors, and a loopback HTTP port per URL that serves it ({@link UrlRequests}).
 *
 * <p>A URL belongs to {@code $LATEST} or to an alias, never to a version number. It goes when its
 * function is deleted (found out the next time it is used, since Lambda's delete does not tell).
 */
@API(status = INTERNAL, since = "0.1")
public final class FunctionUrls implements AutoCloseable {

  private static final Pattern QUALIFIER = Pattern.compile(UrlErrors.QUALIFIER_PATTERN);
  private static final char[] URL_ID_ALPHABET =
      "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  private final CloudContext cloud;
  private final FakeLambda lambda;
  private final UrlRequests requests;
  private final Random urlIds;
  private final Map<String, Registration> urls = new LinkedHashMap<>();
  private HttpHost host;

  public FunctionUrls(CloudContext cloud, FakeLambda lambda, UrlInvoker invoker) {
    this.cloud = cloud;
    this.lambda = lambda;
    this.urlIds = cloud.randomness().stream("function-url-ids");
    this.requests = new UrlRequests(cloud, lambda, invoker, this::forget);
  }

  /** Whether the HTTP server was started: only with the first URL. */
  public synchronized boolean serverStarted() {
    return host != null && host.started();
  }

  public synchronized FunctionUrlConfig create(
      String functionName, String qualifier, FunctionUrlSpec spec) {
    Objects.requireNonNull(spec, "spec");
    Target target = Target.of(functionName, qualifier);
    LambdaFunction fn =
        lambda.findFunction(target.name).orElseThrow(UrlErrors::functionDoesNotExist);
    forgetStale();
    String arn = target.qualifier == null ? fn.arn() : fn.arn() + ":" + target.qualifier;
    if (urls.containsKey(target.key())) {
      throw UrlErrors.exists(urls.get(target.key()).resourceArn());
    }
    if (target.qualifier != null
        && !target.qualifier.equals(Registration.LATEST)
        && fn.alias(target.qualifier).isEmpty()) {
      throw UrlErrors.functionDoesNotExist();
    }
    String urlId = newUrlId();
    Registration[] self = new Registration[1];
    HttpEndpoint endpoint = host().open(request -> requests.serve(self[0], request));
    Instant now = cloud.now();
    FunctionUrlConfig config =
        new FunctionUrlConfig(
            endpoint.uri().toString(),
            arn,
            spec.authType(),
            spec.cors(),
            now,
            now,
            "BUFFERED",
            urlId,
            urlId + ".lambda-url." + cloud.region() + ".on.aws");
    self[0] = new Registration(fn, target.qualifier, endpoint, config);
    urls.put(target.key(), self[0]);
    journal(self[0], "created");
    return config;
  }

  public synchronized FunctionUrlConfig get(String functionName, String qualifier) {
    return existing(Target.of(functionName, qualifier)).config();
  }

  public synchronized List<FunctionUrlConfig> list(String functionName) {
    Target target = Target.of(functionName, null);
    LambdaFunction fn =
        lambda.findFunction(target.name).orElseThrow(UrlErrors::resourceDoesNotExist);
    forgetStale();
    List<FunctionUrlConfig> configs = new ArrayList<>();
    for (Registration url : urls.values()) {
      if (url.function == fn) {
        configs.add(url.config());
      }
    }
    return configs;
  }

  public synchronized FunctionUrlConfig update(
      String functionName, String qualifier, UnaryOperator<FunctionUrlSpec> change) {
    Registration url = existing(Target.of(functionName, qualifier));
    FunctionUrlConfig before = url.config();
    FunctionUrlSpec next =
        Objects.requireNonNull(
            change.apply(new FunctionUrlSpec(before.authType(), before.cors())),
            "the change must return a FunctionUrlSpec");
    FunctionUrlConfig after =
        new FunctionUrlConfig(
            before.functionUrl(),
            before.functionArn(),
            next.authType(),
            next.cors(),
            before.creationTime(),
            cloud.now(),
            before.invokeMode(),
            before.urlId(),
            before.domainName());
    url.config(after);
    journal(url, "updated");
    return after;
  }

  public synchronized void delete(String functionName, String qualifier) {
    Target target = Target.of(functionName, qualifier);
    Registration url = existing(target);
    urls.remove(target.key());
    url.delete();
    journal(url, "deleted");
  }

  /** Every URL is gone; their ports close with the cloud's HTTP server. */
  @Override
  public synchronized void close() {
    urls.values().forEach(Registration::delete);
    urls.clear();
  }

  private Registration existing(Target target) {
    lambda.findFunction(target.name).orElseThrow(UrlErrors::resourceDoesNotExist);
    forgetStale();
    Registration url = urls.get(target.key());
    if (url == null) {
      throw UrlErrors.resourceDoesNotExist();
    }
    return url;
  }

  /** Drops the URLs whose function was deleted (or deleted and made again under its name). */
  private void forgetStale() {
    Iterator<Registration> it = urls.values().iterator();
    while (it.hasNext()) {
      Registration url = it.next();
      if (!sameFunction(url)) {
        url.delete();
        it.remove();
      }
    }
  }

  private boolean sameFunction(Registration url) {
    Optional<LambdaFunction> now = lambda.findFunction(url.function.name());
    return now.isPresent() && now.get() == url.function;
  }

  /** Called by a request that found its function gone. */
  private synchronized void forget(Registration url) {
    if (!sameFunction(url)) {
      url.delete();
      urls.values().remove(url);
    }
  }

  private HttpHost host() {
    if (host == null) {
      host = cloud.closeWithCloud(HttpHost.class, () -> new HttpHost(cloud.name()));
    }
    return host;
  }

  /** 32 lowercase letters and digits, as AWS's URL ids are, drawn from the cloud's seed. */
  private String newUrlId() {
    char[] id = new char[32];
    for (int i = 0; i < id.length; i++) {
      id[i] = URL_ID_ALPHABET[urlIds.nextInt(URL_ID_ALPHABET.length)];
    }
    return new String(id);
  }

  private void journal(Registration url, String change) {
    FunctionUrlConfig config = url.config();
    Instant now = cloud.now();
    cloud
        .journal()
        .append(
            seq ->
                new FunctionUrlEvent.ConfigChanged(
                    seq,
                    now,
                    config.functionArn(),
                    url.function.name(),
                    config.urlId(),
                    url.qualifierKey(),
                    change,
                    config.authType(),
                    config.functionUrl()));
  }

  /** A function named as the URL operations accept it, with its qualifier checked. */
  private static final class Target {
    final String name;
    final String qualifier;

    private Target(String name, String qualifier) {
      this.name = name;
      this.qualifier = qualifier;
    }

    /**
     * {@code orders}, {@code orders:live}, {@code 123456789012:function:orders} or an ARN, and a
     * qualifier that must agree with one in the name.
     */
    static Target of(String functionName, String qualifier) {
      Objects.requireNonNull(functionName, "functionName");
      String rest = functionName;
      int function = rest.indexOf("function:");
      if (function >= 0) {
        rest = rest.substring(function + "function:".length());
      }
      String name = rest;
      String derived = null;
      int colon = rest.indexOf(':');
      if (colon >= 0) {
        name = rest.substring(0, colon);
        derived = rest.substring(colon + 1);
      }
      if (derived != null && qualifier != null && !derived.equals(qualifier)) {
        throw UrlErrors.qualifierMismatch();
      }
      String q = qualifier != null ? qualifier : derived;
      if (q != null && (q.isEmpty() || q.length() > 128 || !QUALIFIER.matcher(q).matches())) {
        throw UrlErrors.invalidQualifier(q);
      }
      return new Target(name, q);
    }

    /** How the registry files the URL: {@code orders:$LATEST}, {@code orders:live}. */
    String key() {
      return name + ":" + (qualifier == null ? Registration.LATEST : qualifier);
    }
  }
}
