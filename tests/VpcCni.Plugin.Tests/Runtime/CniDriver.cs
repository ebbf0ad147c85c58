using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace VpcCni.Plugin.Tests.Runtime;

/// <summary>
/// tools/cni-driver, the libcni driver, built with the machine's Go toolchain against Debian's
/// libcni source (GOPATH mode, nothing downloaded) into a directory named after the hash of its
/// sources, so only the first run after a change compiles. docs/testing-runtimes.md.
/// </summary>
public static class CniDriver
{
    /// <summary>Where Debian's golang-github-appc-cni-dev puts libcni's source.</summary>
    public const string GoPath = "/usr/share/gocode";

    private static readonly SemaphoreSlim BuildGate = new(1, 1);

    /// <summary>The built driver; compiles it first when its sources changed.</summary>
    public static async Task<string> BuildAsync(CancellationToken cancellationToken = default)
    {
        var source = Path.Combine(RepositoryFiles.Root, "tools", "cni-driver");
        var files = Directory.GetFiles(source, "*.go").Order(StringComparer.Ordinal).ToList();
        var hash = new StringBuilder();
        foreach (var file in files)
        {
            hash.Append(Path.GetFileName(file)).Append('\0').Append(await File.ReadAllTextAsync(file, cancellationToken)).Append('\0');
        }

        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(hash.ToString())))[..16];
        var output = Path.Combine(Path.GetTempPath(), "vpccni-cni-driver", key, "cni-driver");
        await BuildGate.WaitAsync(cancellationToken);
        try
        {
            if (File.Exists(output))
            {
                return output;
            }

            RuntimeTools.Require("go", "golang-go");
            RuntimeTools.Require(Path.Combine(GoPath, "src/github.com/containernetworking/cni/libcni/api.go"), "golang-github-appc-cni-dev");
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);

            // Built under a temporary name and renamed, so a concurrent test run never executes half a file.
            var partial = output + "." + Environment.ProcessId;
            var build = new ProcessStartInfo("go") { WorkingDirectory = source, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in new[] { "build", "-o", partial, "." })
            {
                build.ArgumentList.Add(argument);
            }

            build.Environment["GO111MODULE"] = "off";
            build.Environment["GOPATH"] = GoPath;
            build.Environment["GOFLAGS"] = string.Empty;
            build.Environment["GOCACHE"] = Path.Combine(Path.GetTempPath(), "vpccni-go-cache");
            var (code, stdout, stderr) = await RuntimeTools.RunAsync(build, cancellationToken);
            if (code != 0)
            {
                throw new InvalidOperationException($"go build of tools/cni-driver failed ({code}): {stdout}{stderr}");
            }

            File.Move(partial, output, overwrite: true);
            return output;
        }
        finally
        {
            BuildGate.Release();
        }
    }
}
