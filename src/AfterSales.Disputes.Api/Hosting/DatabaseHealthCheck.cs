using AfterSales.Disputes.Application.Disputes;
using AfterSales.Disputes.Application.Ports;
using MediatR;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AfterSales.Disputes.Api.Hosting;

/// <summary>Ready when the database answers a query.</summary>
internal sealed class DatabaseHealthCheck(IMediator mediator) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await mediator.Send(new ListDisputes(new DisputeQuery(Limit: 1)), cancellationToken);
            return HealthCheckResult.Healthy("The database answers.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", exception);
        }
    }
}
