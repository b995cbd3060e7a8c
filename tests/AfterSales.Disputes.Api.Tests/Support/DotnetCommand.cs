using System.Diagnostics;

namespace AfterSales.Disputes.Api.Tests.Support;

/// <summary>Runs <c>dotnet</c> with arguments to its end, as a user would in a terminal, and gives back what it printed.</summary>
public static class DotnetCommand
{
    /// <summary>
    /// Runs <c>dotnet <paramref name="arguments"/></c> in <paramref name="folder"/>; a run longer than
    /// <paramref name="timeout"/> is killed with its children and fails the test.
    /// </summary>
    public static Task<(int ExitCode, string Output)> RunAsync(string folder, TimeSpan timeout, params string[] arguments) =>
        RunProgramAsync("dotnet", folder, timeout, new Dictionary<string, string>(), arguments);

    /// <summary>
    /// Runs <paramref name="program"/> (<c>dotnet</c>, <c>bash</c>) with <paramref name="arguments"/> and extra
    /// <paramref name="environment"/> variables in <paramref name="folder"/>, killed with its children past <paramref name="timeout"/>.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunProgramAsync(
        string program, string folder, TimeSpan timeout, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The tests run under `dotnet test`, whose MSBuild settings would otherwise steer a nested build.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true); // never leave a child running after its test
            await process.WaitForExitAsync();
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish within {timeout.TotalMinutes:0} minutes: {await output}{await errors}");
        }

        return (process.ExitCode, await output + await errors);
    }
}
