extern alias benchmarks;

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Contracts;
using AfterSales.Disputes.Api.Tests.Support;
using AfterSales.Disputes.Application.Webhooks;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Reliability.Tests.Support;
using benchmarks::AfterSales.Disputes.Benchmarks;
using Npgsql;
using Xunit.Abstractions;

namespace AfterSales.Disputes.Reliability.Tests.ScaleOut;

/// <summary>
/// Two host processes on one PostgreSQL database, as a marketplace scales out: sellers write through both at once
/// to the same disputes while a batch of deadlines falls due and both hosts' workers take them. No answered update
/// is lost, each deadline fires once, and the platform's webhook receiver gets each event exactly once.
/// </summary>
public sealed class TwoHostsTests(ITestOutputHelper output)
{
    private const int Disputes = 4;
    private const int WritersPerDispute = 2;

    [SkippableFact]
    public async Task TwoHostsOnOnePostgres_LoseNoUpdate_FireEachDeadlineOnce_AndDeliverEachEventOnce()
    {
        var server = PostgresServer();
        var (connectionString, drop) = await Postgres.CreateDatabaseAsync(server);
        try
        {
            await using var receiver = new WebhookReceiver();
            receiver.Up();

            // Disputes opened ten days ago that their store never answered, falling due together once both hosts run.
            var dueAt = DateTimeOffset.UtcNow.AddSeconds(20);
            var unanswered = ReliabilityRun.Full ? 5_000 : 500;
            await using (var past = await Marketplace.OpenPostgresAsync(connectionString, ahead: -TimeSpan.FromDays(10)))
            {
                await past.SeedAsync(unanswered);
                await past.SendAsync(new AddWebhookSubscription(null, receiver.Url)); // the platform's: every event
            }

            await ExecuteAsync(connectionString, """UPDATE "Deadlines" SET "DueAt" = $1""", dueAt);
            (string, string)[] settings =
            [
                ("AfterSales__Database", "Postgres"),
                ("AfterSales__PostgresConnection", connectionString),
                ("AfterSales__RateLimit__PermitsPerMinute", "1000000"),
            ];
            await using var one = await HostProcess.StartAsync(settings: settings);
            await using var two = await HostProcess.StartAsync(settings: settings); // after the first: it finds the schema migrated
            HostProcess[] hosts = [one, two];

            var disputeIds = new List<string>();
            for (var i = 0; i < Disputes; i++)
            {
                disputeIds.Add(await hosts[i % 2].OpenReturnAsync($"order-scale-{i}"));
            }

            // Sellers write through both hosts to the same disputes until the deadlines have all fired.
            var accepted = new ConcurrentBag<(string DisputeId, int Version, string Text)>();
            var refused = new ConcurrentBag<string>();
            using var stop = new CancellationTokenSource();
            var writers = new List<Task>();
            for (var w = 0; w < Disputes * WritersPerDispute; w++)
            {
                var host = (w / Disputes) % 2; // each dispute gets writers through both hosts
                var client = await hosts[host].ClientAsync(Roles.Seller, World.Flagship);
                writers.Add(WriteUntilStoppedAsync(client, disputeIds[w % Disputes], $"writer {w} via host {host + 1}", accepted, refused, stop.Token));
            }

            // Meanwhile, note which workers hold claims on deadlines (a claim names its host's process).
            var claimants = new HashSet<string>();
            var clock = Stopwatch.StartNew();
            while (DateTimeOffset.UtcNow < dueAt || await CountAsync(connectionString, """SELECT COUNT(*) FROM "Deadlines" WHERE "DueAt" <= $1""", dueAt) > 0)
            {
                clock.Elapsed.Should().BeLessThan(TimeSpan.FromMinutes(5), "the deadlines should fire");
                claimants.UnionWith(await StringsAsync(connectionString, """SELECT DISTINCT "LeaseOwner" FROM "Deadlines" WHERE "LeaseOwner" IS NOT NULL"""));
                await Task.Delay(100);
            }

            var fired = clock.Elapsed;
            await stop.CancelAsync();
            await Task.WhenAll(writers);
            await WaitUntilDeliveredAsync(connectionString);
            output.WriteLine($"deadlines fired {fired.TotalSeconds:0} s after the writers started; webhooks all delivered {clock.Elapsed.TotalSeconds:0} s after");

            output.WriteLine($"{accepted.Count} messages accepted through two hosts, {refused.Count} turned away (409/412); {unanswered} deadlines fired; {receiver.Requests.Count} webhook requests");
            accepted.Should().NotBeEmpty();
            foreach (var disputeId in disputeIds)
            {
                var stored = await hosts[1].GetAsync(Roles.Seller, World.Flagship, disputeId);
                var mine = accepted.Where(a => a.DisputeId == disputeId).OrderBy(a => a.Version).ToList();
                mine.Select(a => a.Version).Should().OnlyHaveUniqueItems("each version went to one writer, whichever host it came through");
                stored.Messages.Select(m => m.Text).Should().Equal(mine.Select(a => a.Text), "every answered message is stored, in the order of its version");
                stored.Version.Should().Be(1 + mine.Count);
            }

            (await CountAsync(connectionString, """
                SELECT COUNT(*) FROM "Disputes" d WHERE d."Id" LIKE 'dsp-%'
                AND (SELECT COUNT(*) FROM "DisputeEvents" e WHERE e."DisputeId" = d."Id" AND e."Action" = 'AutoApprove') <> 1
                """)).Should().Be(0, "each deadline fired exactly once, whichever host fired it");
            (await CountAsync(connectionString, """SELECT COUNT(*) FROM "Disputes" WHERE "Id" LIKE 'dsp-%'""")).Should().Be(unanswered);
            claimants.Should().HaveCount(2, "both hosts' workers took deadlines");

            var delivered = receiver.Requests.Where(r => r.Answered == 200).Select(r => r.EventId).ToList();
            delivered.Should().OnlyHaveUniqueItems("each event is delivered once, though two hosts deliver");
            // Sorted and compared in order: BeEquivalentTo matches unordered items pairwise, which took longer than
            // 20 minutes for the 17 500 events of the full drill. With the ids unique, equal sorted lists are equal sets.
            var events = await StringsAsync(connectionString, """SELECT "EventId" FROM "WebhookDeliveries" """);
            delivered.Order(StringComparer.Ordinal).Should().Equal(events.Order(StringComparer.Ordinal), "every event of the marketplace reached the platform");
        }
        finally
        {
            await drop();
        }
    }

    /// <summary>
    /// Evidence bytes are in the database: a photo a buyer uploads through one host is downloaded, byte for byte,
    /// through the other, which has a data folder of its own.
    /// </summary>
    [SkippableFact]
    public async Task TwoHostsOnOnePostgres_ServeEachOthersUploads()
    {
        var (connectionString, drop) = await Postgres.CreateDatabaseAsync(PostgresServer());
        try
        {
            (string, string)[] settings = [("AfterSales__Database", "Postgres"), ("AfterSales__PostgresConnection", connectionString)];
            await using var one = await HostProcess.StartAsync(settings: settings);
            await using var two = await HostProcess.StartAsync(settings: settings);
            var disputeId = await one.OpenReturnAsync("shared-upload");
            byte[] photo = [0xFF, 0xD8, 0xFF, 0xE0, .. Enumerable.Range(0, 50_000).Select(i => (byte)(i * 7))];

            var fileId = await one.UploadAsync(Roles.Buyer, World.Ana, disputeId, photo, "scratch.jpg", "image/jpeg");
            using var seller = await two.ClientAsync(Roles.Seller, World.Flagship);
            using var download = await seller.GetAsync($"/api/v1/disputes/{disputeId}/evidence-files/{fileId}");

            download.StatusCode.Should().Be(HttpStatusCode.OK, "the other host reads the bytes from the database");
            (await download.Content.ReadAsByteArrayAsync()).Should().Equal(photo);
            download.Content.Headers.ContentType!.MediaType.Should().Be("image/jpeg");
        }
        finally
        {
            await drop();
        }
    }

    private static string PostgresServer()
    {
        if (Postgres.Server is { } server)
        {
            return server;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("AFTERSALES_TEST_REQUIRE_SERVICES"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("AFTERSALES_TEST_REQUIRE_SERVICES is true but AFTERSALES_TEST_POSTGRES names no PostgreSQL server.");
        }

        throw new SkipException("PostgreSQL is not configured: set AFTERSALES_TEST_POSTGRES to an Npgsql connection string of a login that may create databases (CI does).");
    }

    private static async Task WriteUntilStoppedAsync(HttpClient client, string disputeId, string writer, ConcurrentBag<(string, int, string)> accepted,
        ConcurrentBag<string> refused, CancellationToken stop)
    {
        using (client)
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var text = $"{writer}, message {n}";
                while (true)
                {
                    var etag = (await client.GetAsync($"/api/v1/disputes/{disputeId}", CancellationToken.None)).Headers.ETag!.Tag;
                    using var request = HostProcess.ActionRequest(disputeId, "messages", new MessageText(text), etag);
                    using var response = await client.SendAsync(request, CancellationToken.None);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        accepted.Add((disputeId, (await response.ReadAsync<DisputeResponse>())!.Version, text));
                        break;
                    }

                    response.StatusCode.Should().BeOneOf([HttpStatusCode.PreconditionFailed, HttpStatusCode.Conflict], await response.Content.ReadAsStringAsync());
                    refused.Add(text);
                }

                await Task.Delay(Random.Shared.Next(50, 150), CancellationToken.None);
            }
        }
    }

    // Waits until the outbox is dispatched and every webhook delivery is delivered.
    private static async Task WaitUntilDeliveredAsync(string connectionString)
    {
        var clock = Stopwatch.StartNew();
        while (await CountAsync(connectionString, """
            SELECT (SELECT COUNT(*) FROM "Outbox" WHERE "CompletedAt" IS NULL) + (SELECT COUNT(*) FROM "WebhookDeliveries" WHERE "Status" <> 'Delivered')
            """) > 0)
        {
            clock.Elapsed.Should().BeLessThan(TimeSpan.FromMinutes(3), "the webhooks should all be delivered");
            await Task.Delay(250);
        }
    }

    private static async Task<List<string>> StringsAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<string>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private static Task ExecuteAsync(string connectionString, string sql, params object[] parameters) => ScalarAsync(connectionString, sql, parameters);

    private static async Task<long> CountAsync(string connectionString, string sql, params object[] parameters) =>
        Convert.ToInt64(await ScalarAsync(connectionString, sql, parameters), System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<object?> ScalarAsync(string connectionString, string sql, object[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return await command.ExecuteScalarAsync();
    }
}
