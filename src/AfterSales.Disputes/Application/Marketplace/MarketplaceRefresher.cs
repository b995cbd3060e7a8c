using AfterSales.Disputes.Application.Policies;
using AfterSales.Disputes.Application.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AfterSales.Disputes.Application.Marketplace;

/// <summary>
/// Keeps this host's <see cref="PolicyCatalog"/> at the marketplace's stored configuration: reads it before the host
/// takes requests, then counts the stored revisions every <see cref="AfterSalesOptions.MarketplaceRefreshInterval"/>
/// and reads it again when another host changed it. Does nothing where no <see cref="IMarketplaceStore"/> is registered.
/// </summary>
internal sealed partial class MarketplaceRefresher : IHostedService, IDisposable
{
    private readonly IServiceScopeFactory _scopes;
    private readonly PolicyCatalog _catalog;
    private readonly AfterSalesOptions _options;
    private readonly ILogger<MarketplaceRefresher> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private Task? _loop;
    private bool _disposed;

    public MarketplaceRefresher(IServiceScopeFactory scopes, PolicyCatalog catalog, AfterSalesOptions options, ILogger<MarketplaceRefresher> logger)
    {
        _scopes = scopes;
        _catalog = catalog;
        _options = options;
        _logger = logger;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!await RefreshAsync(force: true, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        _loop = LoopAsync(_stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // A host that failed to start, or was disposed first, may still be stopped: then there is nothing to stop.
        if (_loop is null || Volatile.Read(ref _disposed))
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        if (!Volatile.Read(ref _disposed))
        {
            Volatile.Write(ref _disposed, true);
            _stopping.Cancel(); // a loop still running (the host was disposed without being stopped) ends
            _stopping.Dispose();
        }
    }

    /// <summary>Reads the stored configuration when it changed (or <paramref name="force"/>); false when there is no store.</summary>
    internal async Task<bool> RefreshAsync(bool force, CancellationToken cancellationToken)
    {
        var scope = _scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            if (scope.ServiceProvider.GetService<IMarketplaceStore>() is not { } store)
            {
                return false;
            }

            if (force || await store.CountRevisionsAsync(cancellationToken).ConfigureAwait(false) != _catalog.Stored.Revisions)
            {
                _catalog.UseStored(await store.LoadAsync(cancellationToken).ConfigureAwait(false));
            }

            return true;
        }
    }

    private async Task LoopAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(_options.MarketplaceRefreshInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false))
            {
                try
                {
                    await RefreshAsync(force: false, stopping).ConfigureAwait(false);
                }
                catch (Exception failure) when (failure is not OperationCanceledException)
                {
                    LogRefreshFailed(failure); // the catalog keeps the configuration it has; the next tick tries again
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the marketplace configuration failed; the host keeps the one it has")]
    private partial void LogRefreshFailed(Exception failure);
}
