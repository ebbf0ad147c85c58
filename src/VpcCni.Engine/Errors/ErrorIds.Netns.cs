namespace VpcCni.Engine.Errors;

public static partial class ErrorIds
{
    /// <summary>Error ids of network-namespace handling (<c>NetNs</c>).</summary>
    public static class Netns
    {
        /// <summary>A namespace operation failed for a reason without its own id.</summary>
        public const string Failed = "Netns.Failed";

        /// <summary>The namespace path does not exist.</summary>
        public const string NotFound = "Netns.NotFound";

        /// <summary>A namespace of that name exists already.</summary>
        public const string AlreadyExists = "Netns.AlreadyExists";

        /// <summary>The namespace name is not a plain file name.</summary>
        public const string InvalidName = "Netns.InvalidName";

        /// <summary>unshare or the bind mount of a new namespace failed.</summary>
        public const string CreateFailed = "Netns.CreateFailed";

        /// <summary>setns into (or out of) a namespace failed.</summary>
        public const string EnterFailed = "Netns.EnterFailed";

        /// <summary>Opening the namespace file failed for a reason other than its absence.</summary>
        public const string OpenFailed = "Netns.OpenFailed";

        /// <summary>A worker thread could not switch back to its own namespace.</summary>
        public const string RestoreFailed = "Netns.RestoreFailed";
    }
}
