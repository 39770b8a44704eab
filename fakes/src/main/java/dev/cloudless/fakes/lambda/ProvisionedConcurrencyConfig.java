package dev.cloudless.fakes.lambda;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * A provisioned concurrency configuration, as {@code GetProvisionedConcurrencyConfig} reports it.
 * Cloudless initialises the environments at once, on the virtual clock.
 *
 * @param requestedProvisionedConcurrentExecutions what was asked for
 * @param availableProvisionedConcurrentExecutions environments initialised and ready
 * @param allocatedProvisionedConcurrentExecutions environments allocated
 * @param status {@code READY}, or {@code FAILED} when the handler's initialisation failed
 * @param statusReason why it failed, such as {@code FUNCTION_ERROR_INIT_FAILURE}, else null
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ProvisionedConcurrencyConfig(
    int requestedProvisionedConcurrentExecutions,
    int availableProvisionedConcurrentExecutions,
    int allocatedProvisionedConcurrentExecutions,
    String status,
    String statusReason) {}
