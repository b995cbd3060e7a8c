using System.Diagnostics;
using AfterSales.Disputes.Application.Disputes;
using MediatR;
using Microsoft.Extensions.Logging;

namespace AfterSales.Disputes.Application;

/// <summary>Logs every request with its duration and, for dispute commands, how it ended.</summary>
/// <typeparam name="TRequest">The request.</typeparam>
/// <typeparam name="TResponse">Its response.</typeparam>
internal sealed partial class LoggingBehavior<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse>
{
    private readonly ILogger<LoggingBehavior<TRequest, TResponse>> _logger;

    /// <summary>Creates the behaviour.</summary>
    public LoggingBehavior(ILogger<LoggingBehavior<TRequest, TResponse>> logger) => _logger = logger;

    /// <inheritdoc/>
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var started = Stopwatch.GetTimestamp();
        var response = await next().ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (response is DisputeCommandResult result)
        {
            // One command type carries every action: the action is what the log needs to say.
            var name = request is TakeDisputeAction taken ? taken.Action.ToString() : typeof(TRequest).Name;
            LogCommand(name, (request as DisputeCommand)?.DisputeId ?? result.Dispute?.Id, result.Status, result.Refusal?.Code.ToString(), elapsed);
        }
        else
        {
            LogRequest(typeof(TRequest).Name, elapsed);
        }

        return response;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Request} on dispute {DisputeId}: {Status} {Refusal} in {ElapsedMs:0.0} ms")]
    private partial void LogCommand(string request, string? disputeId, CommandStatus status, string? refusal, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Request} handled in {ElapsedMs:0.0} ms")]
    private partial void LogRequest(string request, double elapsedMs);
}
