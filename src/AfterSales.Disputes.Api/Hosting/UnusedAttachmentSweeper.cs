using AfterSales.Disputes.Application.Ports;

namespace AfterSales.Disputes.Api.Hosting;

/// <summary>
/// Removes the files buyers uploaded before opening a request that no request named within the configured
/// lifetime (a day by default): their records, then the files. Runs hourly; several hosts may sweep at once,
/// as the store removes each record once.
/// </summary>
internal sealed class UnusedAttachmentSweeper(IServiceScopeFactory scopes, ApiOptions options, TimeProvider time, ILogger<UnusedAttachmentSweeper> logger)
    : BackgroundService
{
    private static readonly TimeSpan s_every = TimeSpan.FromHours(1);

    /// <summary>Sweeps once: returns how many files were removed.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IEvidenceStore>();
        var removed = await store.RemoveUnattachedAsync(time.GetUtcNow() - options.Uploads.UnusedAttachmentLifetime, cancellationToken);
        await scope.ServiceProvider.GetRequiredService<IEvidenceContent>().RemoveAsync(removed, cancellationToken);

        if (removed.Count > 0)
        {
            logger.LogInformation("Removed {Count} uploaded files no request named within {Lifetime}.", removed.Count, options.Uploads.UnusedAttachmentLifetime);
        }

        return removed.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(s_every, time);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "The sweep of unused uploads failed; it runs again in {Every}.", s_every);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
