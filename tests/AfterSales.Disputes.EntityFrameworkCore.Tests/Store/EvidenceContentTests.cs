using System.Security.Cryptography;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.EntityFrameworkCore.Rows;
using AfterSales.Disputes.EntityFrameworkCore.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Disputes.EntityFrameworkCore.Tests.Store;

/// <summary>Evidence bytes in the database, written and read a chunk at a time.</summary>
public class EvidenceContentTests
{
    /// <summary>Files of every length around the chunk size come back byte for byte, kept in as many chunks as they fill.</summary>
    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Files_ComeBackWhole_KeptInChunks(string provider)
    {
        await using var host = await TestHost.StartAsync(provider);
        const int chunk = EvidenceContentRow.ChunkBytes;
        var files = new Dictionary<string, byte[]>
        {
            ["ev_empty"] = [],
            ["ev_small"] = RandomNumberGenerator.GetBytes(1000),
            ["ev_two_whole"] = RandomNumberGenerator.GetBytes(2 * chunk),
            ["ev_three"] = RandomNumberGenerator.GetBytes((2 * chunk) + 123),
        };

        foreach (var (id, bytes) in files)
        {
            await WithContentAsync(host, content => content.SaveAsync(id, new MemoryStream(bytes), CancellationToken.None));
        }

        foreach (var (id, bytes) in files)
        {
            (await ReadAsync(host, id)).Should().Equal(bytes, $"{id} is read back as it was written");
        }

        var chunks = await host.QueryAsync(db => db.Set<EvidenceContentRow>().GroupBy(c => c.FileId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        chunks.ToDictionary(c => c.Key, c => c.Count).Should().BeEquivalentTo(new Dictionary<string, int>
        {
            ["ev_empty"] = 1, ["ev_small"] = 1, ["ev_two_whole"] = 2, ["ev_three"] = 3,
        });
        (await ReadAsync(host, "ev_unknown")).Should().BeNull();

        await WithContentAsync(host, content => content.RemoveAsync(["ev_three", "ev_small"], CancellationToken.None));

        (await ReadAsync(host, "ev_three")).Should().BeNull();
        (await host.QueryAsync(db => db.Set<EvidenceContentRow>().CountAsync())).Should().Be(3, "the other files' chunks stay");
    }

    private static async Task WithContentAsync(TestHost host, Func<IEvidenceContent, Task> use)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await use(scope.ServiceProvider.GetRequiredService<IEvidenceContent>());
    }

    private static async Task<byte[]?> ReadAsync(TestHost host, string fileId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<IEvidenceContent>().OpenAsync(fileId, CancellationToken.None) is not { } stream)
        {
            return null;
        }

        await using (stream)
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, 7919); // an odd buffer: reads that straddle chunks
            return copy.ToArray();
        }
    }
}
