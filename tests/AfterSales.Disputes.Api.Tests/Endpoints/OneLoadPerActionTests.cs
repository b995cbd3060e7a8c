using System.Diagnostics.Metrics;
using System.Net;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Tests.Support;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Disputes;
using Microsoft.Extensions.DependencyInjection;
using static AfterSales.Disputes.Api.Tests.Support.World;

namespace AfterSales.Disputes.Api.Tests.Endpoints;

/// <summary>Counts every dispute rebuilt in the process, so it runs alone (see <see cref="RebuildCounting"/>).</summary>
[CollectionDefinition(nameof(RebuildCounting), DisableParallelization = true)]
public sealed class RebuildCounting;

/// <summary>An action over HTTP loads its dispute once and replays its timeline once, in that load.</summary>
[Collection(nameof(RebuildCounting))]
public sealed class OneLoadPerActionTests : IDisposable
{
    private readonly CountingDisputeStore.Counts _loads = new();
    private readonly ApiFactory _api;

    public OneLoadPerActionTests() => _api = new ApiFactory { TestServices = services => CountingDisputeStore.Decorate(services, _loads) };

    public void Dispose() => _api.Dispose();

    [Theory]
    [InlineData("reject", false)]
    [InlineData("evidence", true)]
    public async Task AnAction_LoadsTheDisputeOnce_AndReplaysNothingBeyondThatLoad(string action, bool escalatedFirst)
    {
        var dispute = await OpenAsync(_api, $"o-one-load-{action}");
        if (escalatedFirst)
        {
            await ActAsync(_api, Roles.Seller, Flagship, dispute.Id, "reject", new RejectionReason("item-as-described"));
            await ActAsync(_api, Roles.Buyer, Ana, dispute.Id, "escalation", new EscalationRequest("It is faulty"));
        }

        using var seller = _api.As(Roles.Seller, Flagship);
        var etag = (await seller.GetAsync($"/api/v1/disputes/{dispute.Id}")).Headers.ETag!.Tag;
        _loads.Reset();
        using var rebuilds = new RebuildCounter();

        var url = $"/api/v1/disputes/{dispute.Id}/{action}";
        var response = escalatedFirst
            ? await seller.PostJsonAsync(url, new EvidenceSubmission("Tested on the bench", []), etag)
            : await seller.PostJsonAsync(url, new RejectionReason("item-as-described"), etag);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        _loads.Finds.Should().Be(1, "the handler checks visibility on the dispute it loaded for the action");
        rebuilds.Count.Should().Be(1, "the load replays the timeline once and the save keeps the row before from that load");
    }

    [Fact]
    public async Task ADisputeTheCallerMayNotSee_IsNotFound_AfterOneLoad_AndUnchanged()
    {
        var dispute = await OpenAsync(_api, "o-one-load-stranger");
        using var stranger = _api.As(Roles.Seller, Reseller);
        _loads.Reset();

        var response = await stranger.PostJsonAsync($"/api/v1/disputes/{dispute.Id}/approve", new { }, "\"1\"");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        _loads.Finds.Should().Be(1);
        _loads.Saves.Should().Be(0);
        (await GetAsync(_api, Roles.Buyer, Ana, dispute.Id)).Should().BeEquivalentTo(dispute, o => o.Excluding(d => d.AllowedActions));
    }

    /// <summary>Listens to the engine's rebuild counter while alive.</summary>
    private sealed class RebuildCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _count;

        public RebuildCounter()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == DisputeMetrics.MeterName && instrument.Name == DisputeMetrics.RebuiltName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _count, value));
            _listener.Start();
        }

        public long Count => Interlocked.Read(ref _count);

        public void Dispose() => _listener.Dispose();
    }

    /// <summary>The host's dispute store, counting its loads and saves.</summary>
    private sealed class CountingDisputeStore(IDisputeStore inner, CountingDisputeStore.Counts counts) : IDisputeStore
    {
        public static void Decorate(IServiceCollection services, Counts counts)
        {
            var registered = services.Last(s => s.ServiceType == typeof(IDisputeStore));
            services.Remove(registered);
            services.AddScoped<IDisputeStore>(provider => new CountingDisputeStore((IDisputeStore)ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!), counts));
        }

        public Task<Dispute?> FindAsync(string disputeId, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref counts.Finds);
            return inner.FindAsync(disputeId, cancellationToken);
        }

        public Task<IReadOnlyList<Dispute>> FindManyAsync(IReadOnlyCollection<string> disputeIds, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref counts.Finds);
            return inner.FindManyAsync(disputeIds, cancellationToken);
        }

        public Task SaveAsync(Dispute dispute, int expectedVersion, IReadOnlyList<OutboxMessage> outbox, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref counts.Saves);
            return inner.SaveAsync(dispute, expectedVersion, outbox, cancellationToken);
        }

        public Task SaveManyAsync(IReadOnlyList<DisputeChanges> changes, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref counts.Saves);
            return inner.SaveManyAsync(changes, cancellationToken);
        }

        public Task<OpenOutcome?> OpenAsync(string orderId, Func<OrderRefunds, OpenOutcome> open, Func<Dispute, IReadOnlyList<OutboxMessage>> outbox, CancellationToken cancellationToken) =>
            inner.OpenAsync(orderId, open, outbox, cancellationToken);

        public Task<DisputePage> ListAsync(DisputeQuery query, CancellationToken cancellationToken) => inner.ListAsync(query, cancellationToken);

        public sealed class Counts
        {
#pragma warning disable SA1401, CA1051 // counted with Interlocked, which needs the fields
            public int Finds;
            public int Saves;
#pragma warning restore SA1401, CA1051

            public void Reset() => (Finds, Saves) = (0, 0);
        }
    }
}
