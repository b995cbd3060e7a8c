using AfterSales.Disputes.Api.Problems;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace AfterSales.Disputes.Api.Hosting;

/// <summary>
/// Enforces the body limit of each route (1 MB unless the route declares its own, as uploads do) whatever
/// the server: a declared length over the limit is answered 413 at once, and a body without a declared
/// length is counted as it is read.
/// </summary>
internal sealed class BodySizeLimit(RequestDelegate next)
{
    public const long DefaultLimit = 1024 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? DefaultLimit;
        if (context.Request.ContentLength > limit)
        {
            await TooLarge().ExecuteAsync(context);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        context.Request.Body = new LimitedStream(context.Request.Body, limit);
        await next(context);
    }

    private static IResult TooLarge() =>
        ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge, "too-large", "Body too large", "The request body is larger than this route accepts.");

    private sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            return _read > limit
                ? throw new BadHttpRequestException("The request body is larger than this route accepts.", StatusCodes.Status413PayloadTooLarge)
                : read;
        }
    }
}
