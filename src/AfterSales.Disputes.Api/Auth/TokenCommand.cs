using System.Globalization;
using AfterSales.Disputes.Api.Hosting;

namespace AfterSales.Disputes.Api.Auth;

/// <summary>
/// <c>dotnet run --project src/AfterSales.Disputes.Api -- token --role seller --party store-flagship [--minutes 480]</c>
/// prints a bearer token signed with the configured key (in Development, the development key).
/// </summary>
public static class TokenCommand
{
    private const int MaxMinutes = 7 * 24 * 60;

    /// <summary>Runs the command; returns the process exit code.</summary>
    public static int Run(string[] args, ApiOptions options, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            values[args[i]] = args[i + 1];
        }

        if (!values.TryGetValue("--role", out var role) || !Roles.All.Contains(role)
            || !values.TryGetValue("--party", out var party) || string.IsNullOrWhiteSpace(party))
        {
            error.WriteLine($"usage: token --role <{string.Join('|', Roles.All)}> --party <id> [--minutes 480]");
            return 2;
        }

        var minutes = 480;
        if (values.TryGetValue("--minutes", out var text)
            && !(int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out minutes) && minutes is >= 1 and <= MaxMinutes))
        {
            // A mistyped lifetime once gave the 8-hour default without a word.
            error.WriteLine($"--minutes takes a whole number of minutes from 1 to {MaxMinutes} (a week); '{text}' is not one.");
            return 2;
        }

        try
        {
            output.WriteLine(TokenIssuer.Mint(options.Auth.SigningKey!, options.Auth.Issuer, options.Auth.Audience, role, party,
                TimeSpan.FromMinutes(minutes), DateTimeOffset.UtcNow));
            return 0;
        }
        catch (InvalidOperationException exception)
        {
            error.WriteLine(exception.Message);
            return 1;
        }
    }
}
