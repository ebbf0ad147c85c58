using System.Diagnostics;
using System.Text;

namespace VpcCni.Plugin.Tests;

/// <summary>
/// The published Native AOT plugin (<c>build.ps1 -Task Publish</c> puts it in out/bin): one native file
/// whose compiled graph holds no AWS SDK and no hosting, which a runtime can execute.
/// </summary>
public sealed class PublishedBinaryTests
{
    private static string Binary => Path.Combine(RepositoryFiles.Root, "out", "bin", "vpc-cni");

    private static byte[] Image()
    {
        Assert.True(File.Exists(Binary), $"{Binary} is missing: run `dotnet pwsh ./build.ps1 -Task Publish` first (build.ps1 -Task Test does).");
        return File.ReadAllBytes(Binary);
    }

    [Fact]
    public void TheNativeImageNamesTheGrpcClientButNoAwsSdkAndNoHostingType()
    {
        var image = Image();

        // Type names of compiled code stay in the image (stack traces, reflection metadata): the positive control.
        Assert.True(Contains(image, "Grpc.Net.Client"), "the image should name the gRPC client it uses");
        foreach (var banned in new[] { "Amazon.EC2", "Amazon.Runtime", "AWSSDK", "Microsoft.Extensions.Hosting", "Microsoft.AspNetCore" })
        {
            Assert.False(Contains(image, banned), $"{banned} is in the plugin's native image");
        }

        Assert.False(File.Exists(Path.ChangeExtension(Binary, ".dll")), "vpc-cni must be native, not a framework-dependent dll");
    }

    [Fact]
    public async Task TheBinaryAnswersVersionOnStdout()
    {
        Image();
        var info = new ProcessStartInfo(Binary) { RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
        info.Environment["CNI_COMMAND"] = "VERSION";
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal((0, """{"cniVersion":"1.1.0","supportedVersions":["0.4.0","1.0.0","1.1.0"]}"""), (process.ExitCode, stdout.Trim()));
    }

    private static bool Contains(byte[] image, string text) => image.AsSpan().IndexOf(Encoding.ASCII.GetBytes(text)) >= 0;
}
