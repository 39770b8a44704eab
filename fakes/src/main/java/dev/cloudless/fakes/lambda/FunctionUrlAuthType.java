package dev.cloudless.fakes.lambda;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** How a function URL authenticates its callers: Lambda's {@code AuthType}. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum FunctionUrlAuthType {
  /**
   * Anyone may call the URL. AWS also requires a resource-based policy granting {@code
   * lambda:InvokeFunctionUrl} to {@code *}; Cloudless models no policies, so the URL is public.
   */
  NONE,
  /** Every request must be signed with AWS Signature Version 4 for the service {@code lambda}. */
  AWS_IAM
}
