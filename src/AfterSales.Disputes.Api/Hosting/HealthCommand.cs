namespace AfterSales.Disputes.Api.Hosting;

/// <summary>
/// <c>health [url]</c>: asks a running host whether it is ready (<c>/health/ready</c>: up, and its database answers).
/// The container image's health check, which has no curl to call.
/// </summary>
internal static class HealthCommand
{
    public static async Task<int> RunAsync(string url, TextWriter error)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(new Uri(new Uri(url), "/health/ready"));
            if (response.IsSuccessStatusCode)
            {
                return 0;
            }

            await error.WriteLineAsync($"aftersales: {url} is not ready ({(int)response.StatusCode}).");
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            await error.WriteLineAsync($"aftersales: {url} does not answer: {exception.Message}");
        }

        return 1;
    }
}
