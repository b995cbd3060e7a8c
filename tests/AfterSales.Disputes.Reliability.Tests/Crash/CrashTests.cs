using System.Collections.Concurrent;
using System.Net;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Contracts;
using AfterSales.Disputes.Api.Tests.Support;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Reliability.Tests.Support;
using Microsoft.Data.Sqlite;

namespace AfterSales.Disputes.Reliability.Tests.Crash;

/// <summary>
/// The host killed with SIGKILL at random moments while parties write: after every kill the SQLite file passes
/// its integrity check, every action the host answered 200 is stored, every event has its outbox message and
/// every outbox event message its event, and every running deadline is in the queue once.
/// </summary>
public sealed class CrashTests
{
    private const int Writers = 8;

    [Fact]
    public async Task AHostKilledUnderWriteLoad_KeepsEveryAnsweredAction_AndADatabaseThatChecksOut()
    {
        await using var host = await HostProcess.StartAsync(settings: ("AfterSales__RateLimit__PermitsPerMinute", "1000000"));
        var disputes = new List<string>();
        for (var i = 0; i < Writers; i++)
        {
            disputes.Add(await host.OpenReturnAsync($"order-crash-{i}"));
        }

        using var seller = await host.ClientAsync(Roles.Seller, World.Flagship);
        var answered = new ConcurrentBag<(string DisputeId, int Version, string Text)>();
        var random = new Random(2026);
        for (var round = 0; round < ReliabilityRun.CrashRounds; round++)
        {
            using var stop = new CancellationTokenSource();
            var firstAnswer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var load = disputes.Select((disputeId, writer) =>
                WriteUntilStoppedAsync(seller, disputeId, $"r{round}w{writer}", answered, firstAnswer, stop.Token)).ToList();

            // Kill at a random moment once the load flows: a cold host on a busy machine can take longer than the
            // random delay to answer its first write, and a kill before any answer would test nothing.
            var flowing = await Task.WhenAny(firstAnswer.Task, Task.Delay(TimeSpan.FromMinutes(1))) == firstAnswer.Task;
            flowing.Should().BeTrue($"round {round}: a write is answered 200 within a minute of the start; host output:\n{host.Output}");
            await Task.Delay(random.Next(0, 1_300));
            await host.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(load);

            IntegrityCheck(host).Should().Be("ok", $"round {round}: the database survives a kill");
            await host.RestartAsync();
        }

        answered.Should().NotBeEmpty("the writers got answers before the kills");
        foreach (var group in answered.GroupBy(a => a.DisputeId))
        {
            var stored = await host.GetAsync(Roles.Seller, World.Flagship, group.Key);
            stored.Messages.Select(m => m.Text).Should().Contain(group.Select(a => a.Text), "every action answered 200 is stored");
            stored.Version.Should().BeGreaterThanOrEqualTo(group.Max(a => a.Version));
        }

        await host.KillAsync(); // read the file at rest
        using var database = Open(host);
        Scalar(database, """SELECT COUNT(*) FROM "DisputeEvents" e WHERE NOT EXISTS (SELECT 1 FROM "Outbox" o WHERE o."Id" = e."DisputeId" || ':' || e."Sequence")""")
            .Should().Be(0, "every event has its outbox message");
        Scalar(database, """SELECT COUNT(*) FROM "Outbox" o WHERE o."Kind" = 'DisputeEvent' AND NOT EXISTS (SELECT 1 FROM "DisputeEvents" e WHERE o."Id" = e."DisputeId" || ':' || e."Sequence")""")
            .Should().Be(0, "every event message has its event");
        Scalar(database, """SELECT COUNT(*) FROM "Disputes" d WHERE d."Version" <> (SELECT MAX("Sequence") FROM "DisputeEvents" e WHERE e."DisputeId" = d."Id")""")
            .Should().Be(0, "every summary is at its timeline's version");
        Scalar(database, """SELECT COUNT(*) FROM (SELECT "DisputeId" FROM "Deadlines" GROUP BY "DisputeId" HAVING COUNT(*) > 1)""")
            .Should().Be(0, "no dispute holds two deadlines");
        Scalar(database, """SELECT COUNT(*) FROM "Disputes" d WHERE d."DeadlineDueAt" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Deadlines" l WHERE l."DisputeId" = d."Id" AND l."DueAt" = d."DeadlineDueAt")""")
            .Should().Be(0, "no running deadline was lost");
        await host.RestartAsync();
    }

    // Messages on one dispute, one after another, until the host dies or the round ends; records each 200.
    private static async Task WriteUntilStoppedAsync(HttpClient client, string disputeId, string prefix,
        ConcurrentBag<(string, int, string)> answered, TaskCompletionSource firstAnswer, CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            try
            {
                var current = await client.GetAsync($"/api/v1/disputes/{disputeId}", stop);
                using var request = HostProcess.ActionRequest(disputeId, "messages", new MessageText($"{prefix}-{n}"), current.Headers.ETag!.Tag);
                using var response = await client.SendAsync(request, stop);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    answered.Add((disputeId, (await response.ReadAsync<DisputeResponse>())!.Version, $"{prefix}-{n}"));
                    firstAnswer.TrySetResult();
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or IOException)
            {
                return; // the host is gone
            }
        }
    }

    private static SqliteConnection Open(HostProcess host)
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(host.DataFolder, "aftersales.db")};Pooling=False");
        connection.Open();
        return connection;
    }

    private static string IntegrityCheck(HostProcess host)
    {
        using var connection = Open(host);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)command.ExecuteScalar()!;
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
