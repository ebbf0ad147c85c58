namespace VpcCni.Engine.Errors;

public static partial class ErrorIds
{
    /// <summary>Installing and removing a node's files (<c>Bootstrap/NodeInstaller</c>; <c>Install-</c>/<c>Uninstall-VpcCniNode</c>, docs/service.md, "Bootstrap").</summary>
    public static class Bootstrap
    {
        /// <summary>A binary to install (vpc-cni, vpc-cni-node) is not in the source directory.</summary>
        public const string SourceMissing = "Bootstrap.SourceMissing";

        /// <summary>The root directory is not an absolute path, or does not exist.</summary>
        public const string InvalidRoot = "Bootstrap.InvalidRoot";

        /// <summary>A variable name is not a valid environment variable name (letters, digits, underscores; not starting with a digit).</summary>
        public const string InvalidVariable = "Bootstrap.InvalidVariable";

        /// <summary>A file could not be written or removed.</summary>
        public const string WriteFailed = "Bootstrap.WriteFailed";

        /// <summary>systemctl failed (daemon-reload, enable --now, disable --now).</summary>
        public const string SystemctlFailed = "Bootstrap.SystemctlFailed";
    }
}
