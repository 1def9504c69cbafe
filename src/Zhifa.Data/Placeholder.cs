namespace Zhifa.Data; public static class Placeholder {}
