namespace Zhifa.Domain; public static class Placeholder {}
