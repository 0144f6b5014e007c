/**
 * The catalog's illustrations are small local SVGs drawn on an 800×800 canvas. A plain <img> with its size keeps the
 * layout stable and needs no client JS or image optimizer (there is nothing to resize in a vector file).
 */
export function ProductImage({
  src,
  alt,
  priority = false,
  className = "",
}: {
  src: string;
  alt: string;
  priority?: boolean;
  className?: string;
}) {
  return (
    // eslint-disable-next-line @next/next/no-img-element -- vector art: next/image would add JS and could not shrink it
    <img
      src={src}
      alt={alt}
      width={800}
      height={800}
      // The page's largest image (priority) is decoded in step with the first paint instead of a frame later.
      decoding={priority ? "sync" : "async"}
      loading={priority ? "eager" : "lazy"}
      fetchPriority={priority ? "high" : "auto"}
      className={`aspect-square h-auto w-full object-cover ${className}`}
    />
  );
}
