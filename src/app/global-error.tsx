"use client";

const GlobalError = ({ error }: { error: Error & { digest?: string } }) => (
  <html lang="sv">
    <body style={{ fontFamily: "sans-serif", padding: "4rem 1rem", maxWidth: "40rem", margin: "0 auto" }}>
      <main id="main">
        <h1>Något gick fel</h1>
        <p>Ett oväntat fel inträffade. Ladda om sidan eller försök igen om en stund.</p>
        {error.digest ? <p>Felkod: {error.digest}</p> : null}
      </main>
    </body>
  </html>
);

export default GlobalError;
