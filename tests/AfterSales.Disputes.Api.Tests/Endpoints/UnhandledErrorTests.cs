using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Tests.Support;
using AfterSales.Disputes.Application.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace AfterSales.Disputes.Api.Tests.Endpoints;

/// <summary>What the host does with a failure nobody handled: a bare 500 for the caller, the whole story in its log.</summary>
public sealed class UnhandledErrorTests
{
    [Fact]
    public async Task AnUnhandledException_Answers500WithoutInternals_AndIsLoggedOnceWithTheAnswersTraceId()
    {
        var logs = new CapturedLogs();
        await using var api = new ApiFactory
        {
            TestServices = services =>
            {
                services.AddSingleton<ILoggerProvider>(logs);
                services.Replace(ServiceDescriptor.Scoped<IEventFeed, BrokenFeed>());
            },
        };
        using var buyer = api.As(Roles.Buyer, World.Ana);

        var response = await buyer.GetAsync("/api/v1/events");

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        var body = await response.Content.ReadAsStringAsync();
        body.Should().NotContain(BrokenFeed.Message).And.NotContain("InvalidOperationException").And.NotContain("at AfterSales");
        var traceId = JsonDocument.Parse(body).RootElement.GetProperty("traceId").GetString()!;
        var errors = logs.Entries.Where(entry => entry.Level >= LogLevel.Error).ToList();
        errors.Should().ContainSingle("the host logs the failure once, not once per middleware");
        errors[0].Exception.Should().BeOfType<InvalidOperationException>().Which.Message.Should().Be(BrokenFeed.Message);
        errors[0].Message.Should().Contain(traceId).And.Contain("GET /api/v1/events");
    }

    private sealed class BrokenFeed : IEventFeed
    {
        public const string Message = "The feed's database went away.";

        public Task<EventFeedPage> ReadAsync(EventFeedQuery query, CancellationToken cancellationToken) => throw new InvalidOperationException(Message);
    }

    private sealed class CapturedLogs : ILoggerProvider
    {
        public ConcurrentQueue<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturedLogs logs) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                logs.Entries.Enqueue((logLevel, formatter(state, exception), exception));
        }
    }
}
