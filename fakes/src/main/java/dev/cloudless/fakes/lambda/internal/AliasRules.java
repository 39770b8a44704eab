package dev.cloudless.fakes.lambda.internal;

import dev.cloudless.fakes.aws.AwsServiceException;
import dev.cloudless.fakes.lambda.AliasSpec;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What an alias and its routing may point at, with AWS's errors: an existing version; with routing,
 * two different published versions (never {@code $LATEST}), a weight from 0.0 to 1.0, and the same
 * dead-letter queue configuration on both.
 */
final class AliasRules {

  private static final Pattern NAME = Pattern.compile("(?!^[0-9]+$)([a-zA-Z0-9-_]+)");

  private AliasRules() {}

  static void checkName(String name) {
    if (name.length() > 128 || !NAME.matcher(name).matches()) {
      throw FunctionSpecErrors.validation(
          name,
          "name",
          "Member must satisfy regular expression pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+)");
    }
  }

  /** The alias the spec describes, once every rule holds. */
  static AliasImpl checked(
      FunctionImpl fn, AliasSpec spec, String revisionId, LambdaService service) {
    if (spec.description().length() > 256) {
      throw FunctionSpecErrors.validation(
          spec.description(), "description", "Member must have length less than or equal to 256");
    }
    VersionImpl primary =
        fn.version(spec.functionVersion())
            .orElseThrow(() -> service.notFound(fn, spec.functionVersion()));
    String extra = spec.additionalVersion();
    double weight = spec.additionalVersionWeight();
    if (extra != null) {
      if (!(weight >= 0.0 && weight <= 1.0)) {
        throw FunctionSpecErrors.validation(
            "{" + extra + "=" + weight + "}",
            "routingConfig.additionalVersionWeights",
            "Map value must satisfy constraint: [Member must have value less than or equal to 1.0,"
                + " Member must have value greater than or equal to 0.0, Member must not be null]");
      }
      if (extra.equals(primary.version())) {
        throw new AwsServiceException(
            400,
            "InvalidParameterValueException",
            "Invalid function version "
                + extra
                + ". Function version "
                + extra
                + " is already included in routing configuration.");
      }
      if (primary.version().equals(FunctionImpl.LATEST)) {
        throw new AwsServiceException(
            400,
            "InvalidParameterValueException",
            "$LATEST is not supported for an alias pointing to more than 1 version");
      }
      if (!extra.matches("[0-9]+")) {
        throw FunctionSpecErrors.validation(
            "{" + extra + "=" + weight + "}",
            "routingConfig.additionalVersionWeights",
            "Map keys must satisfy constraint: [Member must have length less than or equal to"
                + " 1024, Member must have length greater than or equal to 1, Member must satisfy"
                + " regular expression pattern: [0-9]+, Member must not be null]");
      }
      VersionImpl additional = fn.version(extra).orElseThrow(() -> service.notFound(fn, extra));
      if (!Objects.equals(
          primary.configuration().deadLetterTargetArn(),
          additional.configuration().deadLetterTargetArn())) {
        throw new AwsServiceException(
            400,
            "InvalidParameterValueException",
            "Versions "
                + primary.version()
                + " and "
                + extra
                + " have different dead-letter queue configurations; an alias routing between"
                + " versions needs the same DeadLetterConfig on both.");
      }
    }
    return new AliasImpl(
        spec.name(),
        primary.version(),
        spec.description(),
        extra,
        extra == null ? 0.0 : weight,
        revisionId);
  }
}
